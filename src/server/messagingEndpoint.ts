import { AuthenticationError } from 'botframework-connector';
import type { Activity, TurnContext } from 'botbuilder';
import type restify from 'restify';
import { describeError, type Logger } from '../logger';
import type { BotAdapter } from './adapter';
import { carriesProxyHeaders, isLoopbackAddress, isLoopbackUrl } from './clientAddress';
import { sendError } from './httpError';
import { describeInvalidActivity, IncomingActivity } from './incomingActivity';
import type { RateLimiter } from './rateLimiter';

export interface MessagingEndpointOptions {
  adapter: BotAdapter;
  logic: (context: TurnContext) => Promise<void>;
  /** Bot Framework authentication is on (MicrosoftAppId is set). */
  authenticated: boolean;
  conversations: RateLimiter;
  logger: Logger;
}

/**
 * POST /api/messages, in the order that keeps a bad request cheap: the sender (with
 * authentication off, this machine only), the activity's shape, the channel's token, the
 * conversation's rate, then the turn. Each refusal is a 4xx with a reason; a token that
 * cannot be checked because the identity service is unreachable is a 503; a turn the bot
 * could not run is a bare 500. No internals reach the client.
 */
export function messagingEndpoint(options: MessagingEndpointOptions): restify.RequestHandler {
  const { adapter, logic, authenticated, conversations, logger } = options;
  return async function messages(req: restify.Request, res: restify.Response) {
    // Without authentication anyone who reaches the port could post as anyone, and have the
    // bot post replies to any address (serviceUrl): so only this machine may, to this machine.
    if (!authenticated && (!isLoopbackAddress(req.socket.remoteAddress ?? '') || carriesProxyHeaders(req))) {
      return sendError(res, 403, 'Forbidden', 'Authentication is off (no MicrosoftAppId): /api/messages accepts requests from this machine only.');
    }
    const parsed = IncomingActivity.safeParse(req.body);
    if (!parsed.success) return sendError(res, 400, 'BadActivity', describeInvalidActivity(parsed.error.issues));
    const activity = toActivity(parsed.data);
    if (!authenticated && !isLoopbackUrl(activity.serviceUrl)) {
      return sendError(res, 400, 'BadServiceUrl', 'Authentication is off (no MicrosoftAppId): the serviceUrl must be on this machine.');
    }

    let identity;
    try {
      identity = await adapter.authenticate(activity, String(req.headers.authorization ?? ''));
    } catch (error) {
      if (error instanceof AuthenticationError || AuthenticationError.isStatusCodeError(error)) {
        return sendError(res, 401, 'Unauthorized', 'A valid Bot Framework token is required.');
      }
      logger.error('authentication unavailable', describeError(error));
      return sendError(res, 503, 'AuthenticationUnavailable', 'Tokens cannot be checked right now; try again later.', { 'retry-after': '30' });
    }

    const rate = conversations.take(`${activity.channelId}/${activity.conversation.id}`);
    if (!rate.allowed) {
      logger.warn('rate limited', { conversationId: activity.conversation.id, channelId: activity.channelId });
      return sendError(res, 429, 'TooManyRequests', 'Too many messages in this conversation; wait a moment.', { 'retry-after': String(rate.retryAfterSeconds) });
    }

    try {
      const invokeResponse = await adapter.runAuthenticated(identity, activity, logic);
      res.send(invokeResponse?.status ?? 200, invokeResponse?.body);
    } catch (error) {
      // Only what onTurnError itself could not handle gets here.
      logger.error('turn could not run', { conversationId: activity.conversation.id, ...describeError(error) });
      sendError(res, 500, 'InternalError', 'The bot could not process this activity.');
    }
  };
}

/**
 * The activity a turn sees. Fields sent as null are left out, as if absent (the handlers and
 * the reply serializer expect a value or nothing); timestamps become Dates, as the adapter's
 * own endpoint makes them.
 */
function toActivity(activity: IncomingActivity): Activity {
  const fixed = withoutNulls(activity);
  for (const name of ['from', 'recipient', 'conversation'] as const) fixed[name] = withoutNulls(activity[name]);
  for (const name of ['timestamp', 'localTimestamp'] as const) {
    const value = activity[name];
    if (typeof value !== 'string') continue;
    fixed[`raw${name[0]!.toUpperCase()}${name.slice(1)}`] = value;
    fixed[name] = new Date(value);
  }
  return fixed as unknown as Activity;
}

function withoutNulls(object: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== null));
}
