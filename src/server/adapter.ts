import { CallerIdConstants, CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import { AuthenticationConstants, GovernmentConstants, type AuthenticateRequestResult, type BotFrameworkAuthentication } from 'botframework-connector';
import type { Messages } from '../content/messages';
import { fillTemplate } from '../content/templates';
import type { Config } from '../config';
import { describeError, type Logger } from '../logger';
import { StorageConflictError } from '../storage/storageConflictError';

/**
 * Bot Framework authentication as configured: with no MicrosoftAppId every request is
 * accepted (local use, the Emulator); with one, a channel's valid Bearer token is required.
 * The cloud is public Azure, or Azure Government with its ChannelService. botbuilder takes
 * either a cloud's name or every endpoint of one, so overriding where signing keys are read
 * (the OpenID metadata) means passing the cloud's other endpoints along with it.
 */
export function createAuthentication(config: Config): BotFrameworkAuthentication {
  const government = config.ChannelService === GovernmentConstants.ChannelService;
  const cloud = government ? GovernmentConstants : AuthenticationConstants;
  const overridden = config.ToBotFromChannelOpenIdMetadataUrl || config.ToBotFromEmulatorOpenIdMetadataUrl;
  return new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.MicrosoftAppId ?? '',
    MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
    ...(government ? { ChannelService: GovernmentConstants.ChannelService } : {}),
    ...(overridden
      ? {
          ToChannelFromBotLoginUrl: cloud.ToChannelFromBotLoginUrl,
          ToChannelFromBotOAuthScope: cloud.ToChannelFromBotOAuthScope,
          ToBotFromChannelTokenIssuer: cloud.ToBotFromChannelTokenIssuer,
          OAuthUrl: cloud.OAuthUrl,
          ToBotFromChannelOpenIdMetadataUrl: config.ToBotFromChannelOpenIdMetadataUrl ?? cloud.ToBotFromChannelOpenIdMetadataUrl,
          ToBotFromEmulatorOpenIdMetadataUrl: config.ToBotFromEmulatorOpenIdMetadataUrl ?? cloud.ToBotFromEmulatorOpenIdMetadataUrl,
          CallerId: government ? CallerIdConstants.USGovChannel : CallerIdConstants.PublicAzureChannel,
        }
      : {}),
  });
}

/**
 * The real CloudAdapter, with one addition: a turn can run for a request the messaging
 * endpoint has already authenticated, so that only authenticated traffic counts against a
 * conversation's rate limit and the endpoint decides every HTTP status itself.
 */
export class BotAdapter extends CloudAdapter {
  constructor(private readonly authentication: BotFrameworkAuthentication) {
    super(authentication);
  }

  authenticate(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.authentication.authenticateRequest(activity, authHeader);
  }

  runAuthenticated(authenticated: AuthenticateRequestResult, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authenticated, activity, logic);
  }
}

/**
 * The one place a failed turn is handled: logged with the conversation id (never the
 * partner's text) and answered with an apology that quotes the conversation id so support
 * can find the log line. The conversation's state is kept as it was before the turn (a
 * failed turn saves nothing), so a partner half-way through a form loses nothing. A turn
 * that lost a race with another turn of the same conversation asks for the message again.
 */
export function turnErrorHandler(messages: Messages, logger: Logger) {
  return async (context: TurnContext, error: unknown): Promise<void> => {
    const conversationId = context.activity.conversation?.id ?? 'unknown';
    const conflict = error instanceof StorageConflictError;
    const fields = { conversationId, activityType: context.activity.type, channelId: context.activity.channelId };
    if (conflict) logger.warn('turn lost a state race', fields);
    else logger.error('turn failed', { ...fields, ...describeError(error) });
    if (context.activity.type !== 'message') return;
    try {
      await context.sendActivity(conflict ? messages.turnConflict : fillTemplate(messages.turnError, { conversationId }));
    } catch (secondary) {
      logger.error('turn error reply failed', { conversationId, ...describeError(secondary) });
    }
  };
}
