import { randomBytes } from 'node:crypto';
import type restify from 'restify';
import { z } from 'zod';
import type { Logger } from '../logger';

/** Where the bot's replies come back: the Bot Connector API surface of this same server. */
export const CONNECTOR_PATH = '/directline-connector';

const MAX_CONVERSATIONS = 500;
const MAX_ACTIVITIES = 1000;
const IDLE_MS = 60 * 60 * 1000;

/** What the widget may post: a message (text, or a card/button value) or an event. */
const ClientActivity = z.looseObject({
  type: z.enum(['message', 'event', 'typing']),
  text: z.string().max(20_000).optional(),
  value: z.unknown().optional(),
  from: z.looseObject({ id: z.string().max(200), name: z.string().max(200).optional() }).optional(),
  locale: z.string().max(20).optional(),
  name: z.string().max(200).optional(),
});

/** What the bot sends back through the connector surface. */
const BotActivity = z.looseObject({ type: z.string().min(1).max(100) });

interface Conversation {
  token: string;
  userId: string;
  activities: Record<string, unknown>[];
  lastSeen: number;
}

/**
 * A Direct Line 3.0-compatible endpoint inside the bot's own server, so the web widget works
 * with nothing but `npm start`: no Azure, no secret. It behaves as a channel: a partner's
 * activity is posted to /api/messages through the adapter, with a serviceUrl that points at
 * this server's Bot Connector surface, where the bot's replies are collected for the widget to
 * poll (`GET .../activities?watermark=N`). The bot cannot tell it from a real channel.
 * Conversations live in memory: a restart starts new web conversations, while the bot's own
 * state and requests stay in SQLite.
 */
export class LocalDirectLine {
  private readonly conversations = new Map<string, Conversation>();
  private readonly sessionTokens = new Set<string>();

  constructor(
    private readonly selfUrl: () => string,
    private readonly logger: Logger,
    private readonly allowRemote: boolean,
  ) {}

  /** A one-conversation ticket for the page (the page never holds a reusable secret). */
  issueSessionToken(): string {
    const token = randomBytes(24).toString('base64url');
    this.sessionTokens.add(token);
    // Unused tickets are dropped oldest first, so page loads cannot grow memory without bound.
    while (this.sessionTokens.size > MAX_CONVERSATIONS) this.sessionTokens.delete(this.sessionTokens.values().next().value!);
    return token;
  }

  register(server: restify.Server): void {
    server.post('/v3/directline/conversations', async (req, res) => this.guard(req, res, () => this.start(req, res)));
    server.post('/v3/directline/conversations/:conversationId/activities', async (req, res) => this.guard(req, res, () => this.post(req, res)));
    server.get('/v3/directline/conversations/:conversationId/activities', async (req, res) => this.guard(req, res, () => this.poll(req, res)));
    server.post(`${CONNECTOR_PATH}/v3/conversations/:conversationId/activities`, async (req, res) => this.guard(req, res, () => this.collect(req, res), true));
    server.post(`${CONNECTOR_PATH}/v3/conversations/:conversationId/activities/:replyToId`, async (req, res) => this.guard(req, res, () => this.collect(req, res), true));
  }

  /** Loopback only, unless explicitly opened; the connector surface (the bot itself) always loopback. */
  private async guard(req: restify.Request, res: restify.Response, handle: () => Promise<void>, botOnly = false): Promise<void> {
    const remote = req.socket.remoteAddress ?? '';
    const loopback = remote === '::1' || remote.startsWith('127.') || remote.startsWith('::ffff:127.');
    if (!loopback && (botOnly || !this.allowRemote)) {
      res.send(403, { error: { code: 'Forbidden', message: 'The local Direct Line endpoint only accepts connections from this machine.' } });
      return;
    }
    await handle();
  }

  private async start(req: restify.Request, res: restify.Response): Promise<void> {
    const ticket = bearer(req);
    if (!ticket || !this.sessionTokens.delete(ticket)) {
      res.send(403, { error: { code: 'TokenInvalid', message: 'Get a token from POST /api/directline/session first.' } });
      return;
    }
    this.evictIdle();
    const conversationId = randomBytes(16).toString('base64url');
    const conversation: Conversation = { token: randomBytes(24).toString('base64url'), userId: `dl_${randomBytes(8).toString('hex')}`, activities: [], lastSeen: Date.now() };
    this.conversations.set(conversationId, conversation);
    res.send(201, { conversationId, token: conversation.token, expires_in: IDLE_MS / 1000 });
    // As Direct Line does: the bot learns that the partner joined, and can welcome them.
    await this.forward(conversationId, { type: 'conversationUpdate', membersAdded: [{ id: conversation.userId }, { id: 'bot' }] });
  }

  private async post(req: restify.Request, res: restify.Response): Promise<void> {
    const conversationId = String(req.params.conversationId);
    const conversation = this.authorized(req, res, conversationId);
    if (!conversation) return;
    const parsed = ClientActivity.safeParse(req.body);
    if (!parsed.success) {
      res.send(400, { error: { code: 'BadArgument', message: `Not a valid activity: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'} ${i.message}`).join('; ')}` } });
      return;
    }
    if (conversation.activities.length >= MAX_ACTIVITIES) {
      res.send(429, { error: { code: 'TooManyActivities', message: 'This conversation is full: please start a new one.' } });
      return;
    }
    // The user id is the conversation's, whatever the page says: one conversation, one partner.
    const activity = { ...parsed.data, from: { ...parsed.data.from, id: conversation.userId } };
    const id = this.append(conversationId, conversation, activity);
    res.send(200, { id });
    await this.forward(conversationId, { ...activity, id });
  }

  private async poll(req: restify.Request, res: restify.Response): Promise<void> {
    const conversationId = String(req.params.conversationId);
    const conversation = this.authorized(req, res, conversationId);
    if (!conversation) return;
    const watermark = Number.parseInt(String((req.query as Record<string, unknown>)?.watermark ?? '0'), 10);
    const from = Number.isInteger(watermark) && watermark > 0 ? watermark : 0;
    res.send(200, { activities: conversation.activities.slice(from), watermark: String(conversation.activities.length) });
  }

  private async collect(req: restify.Request, res: restify.Response): Promise<void> {
    const conversationId = String(req.params.conversationId);
    const conversation = this.conversations.get(conversationId);
    const parsed = BotActivity.safeParse(req.body);
    if (!conversation || !parsed.success) {
      res.send(conversation ? 400 : 404, { error: { code: conversation ? 'BadArgument' : 'ConversationNotFound', message: 'Unknown conversation or invalid activity.' } });
      return;
    }
    res.send(200, { id: this.append(conversationId, conversation, parsed.data) });
  }

  private append(conversationId: string, conversation: Conversation, activity: Record<string, unknown>): string {
    const id = `${conversationId}|${String(conversation.activities.length).padStart(7, '0')}`;
    conversation.activities.push({ ...activity, id, channelId: 'directline', conversation: { id: conversationId }, timestamp: new Date().toISOString() });
    conversation.lastSeen = Date.now();
    return id;
  }

  /** Hands an activity to the bot the way a channel does: an HTTP POST to its messaging endpoint. */
  private async forward(conversationId: string, activity: Record<string, unknown>): Promise<void> {
    const base = this.selfUrl();
    const conversation = this.conversations.get(conversationId)!;
    try {
      const response = await fetch(`${base}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          ...activity,
          channelId: 'directline',
          serviceUrl: `${base}${CONNECTOR_PATH}`,
          conversation: { id: conversationId },
          from: (activity.from as object | undefined) ?? { id: conversation.userId },
          recipient: { id: 'bot', name: 'IAD Partner Assistant' },
          timestamp: new Date().toISOString(),
        }),
      });
      if (!response.ok) this.logger.warn('local direct line: bot refused an activity', { conversationId, status: response.status });
    } catch (error) {
      this.logger.error('local direct line: bot unreachable', { conversationId, message: (error as Error).message });
    }
  }

  private authorized(req: restify.Request, res: restify.Response, conversationId: string): Conversation | undefined {
    const conversation = this.conversations.get(conversationId);
    if (!conversation || bearer(req) !== conversation.token) {
      res.send(conversation ? 403 : 404, { error: { code: conversation ? 'TokenInvalid' : 'ConversationNotFound', message: 'Unknown conversation or wrong token.' } });
      return undefined;
    }
    conversation.lastSeen = Date.now();
    return conversation;
  }

  private evictIdle(): void {
    const now = Date.now();
    for (const [id, conversation] of this.conversations) if (now - conversation.lastSeen > IDLE_MS) this.conversations.delete(id);
    while (this.conversations.size >= MAX_CONVERSATIONS) this.conversations.delete(this.conversations.keys().next().value!);
  }
}

function bearer(req: restify.Request): string | undefined {
  const header = req.header('authorization') ?? '';
  return /^Bearer\s+(\S+)$/i.exec(header)?.[1];
}
