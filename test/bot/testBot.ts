import { EngineSet } from '../../src/engine/engineSet';
import { join } from 'node:path';
import { MemoryStorage, TestAdapter, type Activity, type Storage } from 'botbuilder';
import type { FormCatalog } from '../../src/forms/formCatalog';
import { loadForms } from '../../src/forms/loadForms';
import { openDatabase } from '../../src/storage/database';
import { SqliteRequestStore, type RequestStore } from '../../src/storage/requestStore';
import type { AnswerEngine } from '../../src/engine/answerEngine';
import { createBot } from '../../src/bot/createBot';
import { turnErrorHandler } from '../../src/server/adapter';
import type { FeedbackEvent, FeedbackLog } from '../../src/storage/feedbackLog';
import { memoryLogger, realEngine } from '../helpers';

/** The real bot and dialogs on a TestAdapter, with what it records kept for assertions. */
/** A fixed "today" so that dates in transcripts do not depend on the clock. */
export const TODAY = new Date('2026-11-24T12:00:00Z');

let forms: FormCatalog | undefined;
/** The real dialogs (and their translations), loaded once. */
export function testForms(): FormCatalog {
  forms ??= loadForms(join(__dirname, '..', '..', 'dialogs'));
  return forms;
}

/** `engines`: the bot in several languages (default: English only, which builds fastest). */
export function createTestBot(options: { feedback?: FeedbackLog; engine?: AnswerEngine; engines?: EngineSet; store?: RequestStore; storage?: Storage } = {}) {
  const { knowledge } = realEngine();
  const engine = options.engine ?? realEngine().engine;
  const recorded: FeedbackEvent[] = [];
  const feedback: FeedbackLog = options.feedback ?? { record: (event) => void recorded.push(event), mostFrequent: () => [] };
  const logger = memoryLogger();
  const storage = options.storage ?? new MemoryStorage();
  const store = options.store ?? new SqliteRequestStore(openDatabase(':memory:'));
  const bot = createBot({ engines: options.engines ?? EngineSet.of(engine), forms: testForms(), store, storage, feedback, logger, today: () => TODAY });
  const adapter = new TestAdapter(async (context) => bot.run(context));
  adapter.onTurnError = turnErrorHandler(knowledge.messages, logger);

  /** Sends one activity (or text) and returns the bot's replies to it. */
  async function send(input: string | Partial<Activity>): Promise<Partial<Activity>[]> {
    const before = adapter.activeQueue.length;
    await adapter.receiveActivity(typeof input === 'string' ? { type: 'message', text: input } : input);
    return adapter.activeQueue.splice(before);
  }
  /** Only the message replies. */
  async function say(input: string | Partial<Activity>): Promise<Partial<Activity>[]> {
    return (await send(input)).filter((a) => a.type === 'message');
  }
  return { adapter, send, say, recorded, logger, knowledge, store };
}
