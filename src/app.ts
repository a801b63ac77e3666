import { join } from 'node:path';
import { ConversationState, UserState } from 'botbuilder';
import type restify from 'restify';
import type { Config } from './config';
import { loadKnowledge } from './content/loadKnowledge';
import { AnswerEngine } from './engine/answerEngine';
import { MainDialog } from './bot/dialogs/mainDialog';
import { IadBot } from './bot/iadBot';
import { Replies } from './bot/replies';
import type { Logger } from './logger';
import { createAdapter } from './server/adapter';
import { createServer } from './server/createServer';
import { openDatabase } from './storage/database';
import { SqliteFeedbackLog } from './storage/feedbackLog';
import { SqliteStorage } from './storage/sqliteStorage';

export interface App {
  server: restify.Server;
  engine: AnswerEngine;
  close(): Promise<void>;
}

/** Wires configuration, content, storage, bot, adapter and HTTP server; `listen` is the caller's. */
export function createApp(config: Config, logger: Logger): App {
  const knowledge = loadKnowledge(config.KNOWLEDGE_DIR);
  const engine = new AnswerEngine(knowledge, { indexFile: join(config.DATA_DIR, 'index', `${knowledge.locale}.json`) });

  const db = openDatabase(join(config.DATA_DIR, 'iad.sqlite'));
  const storage = new SqliteStorage(db);
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const replies = new Replies(knowledge);
  const dialog = new MainDialog({ engine, replies, feedback: new SqliteFeedbackLog(db), logger });
  const bot = new IadBot(conversationState, userState, dialog, replies);
  const adapter = createAdapter(config, conversationState, knowledge.messages, logger);
  const server = createServer(adapter, bot, { entries: knowledge.entries.length, passages: knowledge.passages.length }, logger);

  return {
    server,
    engine,
    close: () =>
      new Promise((resolve) => {
        server.close(() => {
          db.close();
          resolve();
        });
      }),
  };
}
