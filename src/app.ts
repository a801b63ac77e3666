import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type restify from 'restify';
import type { Config } from './config';
import { loadEngines } from './engines';
import { AnswerEngine } from './engine/answerEngine';
import { createBot } from './bot/createBot';
import { SerialTurns } from './bot/serialTurns';
import type { Logger } from './logger';
import { BotAdapter, createAuthentication, turnErrorHandler } from './server/adapter';
import { createServer } from './server/createServer';
import { LocalDirectLine } from './server/localDirectLine';
import { RateLimiter } from './server/rateLimiter';
import { registerWebChat } from './server/webChat';
import { openDatabase } from './storage/database';
import { SqliteFeedbackLog } from './storage/feedbackLog';
import { SqliteStorage } from './storage/sqliteStorage';
import { Outbox } from './storage/outbox';
import { SqliteRequestStore, type RequestStore } from './storage/requestStore';
import { purgeExpired } from './storage/retention';
import { loadForms } from './forms/loadForms';

/** How often the outbox looks for notifications that are due (new or to retry). */
const OUTBOX_INTERVAL_MS = 2_000;
/** Retention runs at start-up and then daily. */
const PURGE_INTERVAL_MS = 24 * 60 * 60 * 1000;

export interface App {
  server: restify.Server;
  engine: AnswerEngine;
  store: RequestStore;
  outbox: Outbox | undefined;
  close(): Promise<void>;
}

/** Wires configuration, content, dialogs, storage, bot, adapter and HTTP server; `listen` is the caller's. */
export function createApp(config: Config, logger: Logger): App {
  const engines = loadEngines(config.KNOWLEDGE_DIR, config.DATA_DIR);
  const engine = engines.default;
  const { knowledge } = engine;

  const db = openDatabase(join(config.DATA_DIR, 'iad.sqlite'));
  const storage = new SqliteStorage(db);
  const outbox = config.STAFF_WEBHOOK_URL ? new Outbox(db, { webhookUrl: config.STAFF_WEBHOOK_URL, logger }) : undefined;
  const store = new SqliteRequestStore(db, { outbox });
  const bot = createBot({ engines, forms: loadForms(config.DIALOGS_DIR), store, storage, feedback: new SqliteFeedbackLog(db), logger, today: () => new Date() });

  const adapter = new BotAdapter(createAuthentication(config));
  adapter.onTurnError = turnErrorHandler(knowledge.messages, logger);
  adapter.use(new SerialTurns());
  const conversationRate = { burst: config.CONVERSATION_RATE_BURST, perMinute: config.CONVERSATION_RATE_PER_MINUTE };
  const clients = new RateLimiter({ burst: config.CLIENT_RATE_BURST, perMinute: config.CLIENT_RATE_PER_MINUTE });
  const server = createServer(
    { adapter, logic: (context) => bot.run(context), authenticated: config.authenticated, conversations: new RateLimiter(conversationRate), logger },
    { entries: knowledge.entries.length, passages: knowledge.passages.length },
    logger,
  );
  // The built-in Direct Line is for local use: off once the bot has Azure credentials or a Direct Line secret.
  const localDirectLine =
    config.authenticated || config.DIRECT_LINE_SECRET
      ? undefined
      : new LocalDirectLine({
          selfUrl: () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
          logger,
          allowRemote: config.ALLOW_REMOTE_WITHOUT_AUTH,
          trustProxy: config.TRUST_PROXY,
          conversationRate,
          clients,
        });
  localDirectLine?.register(server);
  registerWebChat(server, config, localDirectLine, clients, logger);

  const purge = () => {
    try {
      const purged = purgeExpired({ requests: store, state: storage }, { requests: config.REQUEST_RETENTION_DAYS, conversationState: config.STATE_RETENTION_DAYS });
      logger.info('retention', { requestsDeleted: purged.requests, statesDeleted: purged.states });
    } catch (error) {
      logger.error('retention failed', { message: (error as Error).message });
    }
  };
  purge();
  const purgeTimer = setInterval(purge, PURGE_INTERVAL_MS).unref();
  outbox?.start(OUTBOX_INTERVAL_MS);
  return {
    server,
    engine,
    store,
    outbox,
    close: async () => {
      clearInterval(purgeTimer);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await outbox?.stop();
      db.close();
    },
  };
}
