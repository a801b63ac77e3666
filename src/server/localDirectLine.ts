import { randomBytes } from 'node:crypto';
import type restify from 'restify';
import { z } from 'zod';
import type { Logger } from '../logger';
import { limitPerAddress, localOnly } from './guards';
import { sendError } from './httpError';
import { acceptJsonBody } from './jsonBody';
import type { RateLimit } from './rateLimiter';
import { RateLimiter } from './rateLimiter';

/** Where the bot's replies come back: the Bot Connector API surface of this same server. */
export const CONNECTOR_PATH = '/directline-connector';

/**
 * Bounds that keep the endpoint's memory small whatever clients send: each activity is
 * capped, each conversation keeps its latest activities only, conversations are capped in
 * number (new ones are refused while the table is full of live ones; live ones are never
 * evicted), and the bytes kept in all conversations together are capped too.
 */
export const DIRECT_LINE_LIMITS = {
  maxBodyBytes: 32 * 1024,
  maxConversations: 200,
  maxHistory: 100,
  maxStoredBytes: 64 * 1024 * 1024,
  idleMs: 30 * 60 * 1000,
  maxTickets: 200,
  ticketMs: 2 * 60 * 1000,
} as const;

/** Bot replies (cards) are larger than what a person types, and come from the bot itself. */
const MAX_BOT_ACTIVITY_BYTES = 512 * 1024;

const smallJson = (maxBytes: number) => z.unknown().refine((value) => value === undefined || JSON.stringify(value).length <= maxBytes, `must be at most ${maxBytes} bytes`);

/**
 * What the widget may post: a message (text, or a card/button value), an event or typing,
 * with the few fields Web Chat sends. Anything else is dropped, not forwarded.
 */
const ClientActivity = z.object({
  type: z.enum(['message', 'event', 'typing']),
  text: z.string().max(8_000).optional(),
  textFormat: z.enum(['plain', 'markdown', 'xml']).optional(),
  value: smallJson(4_096).optional(),
  name: z.string().max(200).optional(),
  locale: z.string().max(50).optional(),
  localTimezone: z.string().max(100).optional(),
  localTimestamp: z.string().max(100).optional(),
  from: z.object({ name: z.string().max(200).optional() }).optional(),
  channelData: z.record(z.string(), smallJson(1_024)).refine((data) => Object.keys(data).length <= 20, 'has too many fields').optional(),
  entities: z.array(z.looseObject({ type: z.string().max(100) })).max(5).refine((e) => JSON.stringify(e).length <= 2_048, 'is too large').optional(),
});

/** What the bot sends back through the connector surface. */
const BotActivity = z.looseObject({ type: z.string().min(1).max(100) });

interface Conversation {
  token: string;
  userId: string;
  /** The latest activities; `first` is the watermark of activities[0]. */
  activities: Record<string, unknown>[];
  first: number;
  bytes: number;
  lastSeen: number;
}

export interface LocalDirectLineOptions {
  /** The server's own base URL, where the bot's messaging endpoint is. */
  selfUrl: () => string;
  logger: Logger;
  /** Clients on other machines (and behind proxies) may use it (ALLOW_REMOTE_WITHOUT_AUTH). */
  allowRemote: boolean;
  trustProxy: boolean;
  /** Per conversation (messages a person sends) and per client address (page loads, conversations, messages). */
  conversationRate: RateLimit;
  clients: RateLimiter;
  now?: () => number;
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
  private readonly tickets = new Map<string, number>();
  private readonly conversationRate: RateLimiter;
  private storedBytes = 0;

  constructor(private readonly options: LocalDirectLineOptions) {
    this.conversationRate = new RateLimiter(options.conversationRate, { now: options.now });
  }

  /** A one-conversation ticket for the page (the page never holds a reusable secret); undefined while too many are outstanding. */
  issueSessionToken(): string | undefined {
    const now = this.now();
    for (const [ticket, expires] of this.tickets) if (expires <= now) this.tickets.delete(ticket);
    if (this.tickets.size >= DIRECT_LINE_LIMITS.maxTickets) return undefined;
    const ticket = randomBytes(24).toString('base64url');
    this.tickets.set(ticket, now + DIRECT_LINE_LIMITS.ticketMs);
    return ticket;
  }

  register(server: restify.Server): void {
    const { allowRemote, clients, trustProxy } = this.options;
    const body = acceptJsonBody({ maxBytes: DIRECT_LINE_LIMITS.maxBodyBytes });
    const client = localOnly(allowRemote, 'The local Direct Line endpoint');
    const perAddress = limitPerAddress(clients, trustProxy);
    // The connector surface is the bot's own: this machine only, whatever remote clients may do.
    const bot = [localOnly(false, 'The local Direct Line connector'), acceptJsonBody({ maxBytes: MAX_BOT_ACTIVITY_BYTES })];
    server.post('/v3/directline/conversations', client, perAddress, body, async (req: restify.Request, res: restify.Response) => this.start(req, res));
    server.post('/v3/directline/conversations/:conversationId/activities', client, perAddress, body, async (req: restify.Request, res: restify.Response) => this.post(req, res));
    // Polls carry the conversation's token and only read: they cost nothing of the address's bucket.
    server.get('/v3/directline/conversations/:conversationId/activities', client, async (req: restify.Request, res: restify.Response) => this.poll(req, res));
    server.post(`${CONNECTOR_PATH}/v3/conversations/:conversationId/activities`, ...bot, async (req: restify.Request, res: restify.Response) => this.collect(req, res));
    server.post(`${CONNECTOR_PATH}/v3/conversations/:conversationId/activities/:replyToId`, ...bot, async (req: restify.Request, res: restify.Response) => this.collect(req, res));
  }

  private async start(req: restify.Request, res: restify.Response): Promise<void> {
    const ticket = bearer(req);
    const expires = ticket === undefined ? undefined : this.tickets.get(ticket);
    if (ticket === undefined || expires === undefined || expires <= this.now()) {
      return sendError(res, 403, 'TokenInvalid', 'Get a token from POST /api/directline/session first.');
    }
    if (!this.makeRoom()) {
      return sendError(res, 503, 'Busy', 'Too many web conversations are open right now; try again in a few minutes.', { 'retry-after': '60' });
    }
    this.tickets.delete(ticket);
    const conversationId = randomBytes(16).toString('base64url');
    const conversation: Conversation = { token: randomBytes(24).toString('base64url'), userId: `dl_${randomBytes(8).toString('hex')}`, activities: [], first: 0, bytes: 0, lastSeen: this.now() };
    this.conversations.set(conversationId, conversation);
    // The welcome below is a turn of the conversation too, as the bot's own limit counts it.
    this.conversationRate.take(conversationId);
    res.send(201, { conversationId, token: conversation.token, expires_in: DIRECT_LINE_LIMITS.idleMs / 1000 });
    // As Direct Line does: the bot learns that the partner joined, and can welcome them.
    await this.forward(conversationId, { type: 'conversationUpdate', membersAdded: [{ id: conversation.userId }, { id: 'bot' }] });
  }

  private async post(req: restify.Request, res: restify.Response): Promise<void> {
    const conversationId = String(req.params.conversationId);
    const conversation = this.authorized(req, res, conversationId);
    if (!conversation) return;
    const parsed = ClientActivity.safeParse(req.body);
    if (!parsed.success) {
      return sendError(res, 400, 'BadArgument', `Not a valid activity: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'} ${i.message}`).join('; ')}`);
    }
    const rate = this.conversationRate.take(conversationId);
    if (!rate.allowed) return sendError(res, 429, 'TooManyRequests', 'Too many messages in this conversation; wait a moment.', { 'retry-after': String(rate.retryAfterSeconds) });
    if (this.storedBytes > DIRECT_LINE_LIMITS.maxStoredBytes) return sendError(res, 503, 'Busy', 'The web chat is too busy right now; try again in a minute.', { 'retry-after': '60' });
    // The user id is the conversation's, whatever the page says: one conversation, one partner.
    // The role, as Direct Line sets it, is what makes Web Chat show the partner's own messages as theirs.
    const activity = { ...parsed.data, from: { ...parsed.data.from, id: conversation.userId, role: 'user' } };
    const id = this.append(conversationId, conversation, activity);
    res.send(200, { id });
    await this.forward(conversationId, { ...activity, id });
  }

  private async poll(req: restify.Request, res: restify.Response): Promise<void> {
    const conversationId = String(req.params.conversationId);
    const conversation = this.authorized(req, res, conversationId);
    if (!conversation) return;
    const watermark = Number.parseInt(String((req.query as Record<string, unknown>)?.watermark ?? '0'), 10);
    const from = Math.max(Number.isInteger(watermark) && watermark > 0 ? watermark : 0, conversation.first);
    const end = conversation.first + conversation.activities.length;
    res.send(200, { activities: conversation.activities.slice(from - conversation.first), watermark: String(end) });
  }

  private async collect(req: restify.Request, res: restify.Response): Promise<void> {
    const conversationId = String(req.params.conversationId);
    const conversation = this.conversations.get(conversationId);
    const parsed = BotActivity.safeParse(req.body);
    if (!conversation) return sendError(res, 404, 'ConversationNotFound', 'Unknown conversation.');
    if (!parsed.success) return sendError(res, 400, 'BadArgument', 'Not a valid activity.');
    res.send(200, { id: this.append(conversationId, conversation, parsed.data) });
  }

  private append(conversationId: string, conversation: Conversation, activity: Record<string, unknown>): string {
    const id = `${conversationId}|${String(conversation.first + conversation.activities.length).padStart(7, '0')}`;
    const stored = { ...activity, id, channelId: 'directline', conversation: { id: conversationId }, timestamp: new Date(this.now()).toISOString() };
    const bytes = JSON.stringify(stored).length;
    conversation.activities.push(stored);
    conversation.bytes += bytes;
    this.storedBytes += bytes;
    while (conversation.activities.length > DIRECT_LINE_LIMITS.maxHistory) {
      const dropped = JSON.stringify(conversation.activities.shift()).length;
      conversation.first += 1;
      conversation.bytes -= dropped;
      this.storedBytes -= dropped;
    }
    conversation.lastSeen = this.now();
    return id;
  }

  /** Hands an activity to the bot the way a channel does: an HTTP POST to its messaging endpoint. */
  private async forward(conversationId: string, activity: Record<string, unknown>): Promise<void> {
    const base = this.options.selfUrl();
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
          timestamp: new Date(this.now()).toISOString(),
        }),
      });
      await response.body?.cancel();
      if (!response.ok) this.options.logger.warn('local direct line: bot refused an activity', { conversationId, status: response.status });
    } catch (error) {
      this.options.logger.error('local direct line: bot unreachable', { conversationId, message: (error as Error).message });
    }
  }

  private authorized(req: restify.Request, res: restify.Response, conversationId: string): Conversation | undefined {
    const conversation = this.conversations.get(conversationId);
    if (!conversation || bearer(req) !== conversation.token) {
      sendError(res, conversation ? 403 : 404, conversation ? 'TokenInvalid' : 'ConversationNotFound', 'Unknown conversation or wrong token.');
      return undefined;
    }
    conversation.lastSeen = this.now();
    return conversation;
  }

  /** Forgets idle conversations; true when there is room for one more. Live conversations are never evicted. */
  private makeRoom(): boolean {
    const now = this.now();
    for (const [id, conversation] of this.conversations) {
      if (now - conversation.lastSeen <= DIRECT_LINE_LIMITS.idleMs) continue;
      this.conversations.delete(id);
      this.storedBytes -= conversation.bytes;
    }
    return this.conversations.size < DIRECT_LINE_LIMITS.maxConversations;
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}

function bearer(req: restify.Request): string | undefined {
  const header = req.header('authorization') ?? '';
  return /^Bearer\s+(\S+)$/i.exec(header)?.[1];
}
