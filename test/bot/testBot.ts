import { ConversationState, MemoryStorage, TestAdapter, UserState, type Activity } from 'botbuilder';
import { MainDialog } from '../../src/bot/dialogs/mainDialog';
import type { AnswerEngine } from '../../src/engine/answerEngine';
import { IadBot } from '../../src/bot/iadBot';
import { Replies } from '../../src/bot/replies';
import { turnErrorHandler } from '../../src/server/adapter';
import type { FeedbackEvent, FeedbackLog } from '../../src/storage/feedbackLog';
import { memoryLogger, realEngine } from '../helpers';

/** The real bot and dialogs on a TestAdapter, with what it records kept for assertions. */
export function createTestBot(options: { feedback?: FeedbackLog; engine?: AnswerEngine } = {}) {
  const { knowledge } = realEngine();
  const engine = options.engine ?? realEngine().engine;
  const recorded: FeedbackEvent[] = [];
  const feedback: FeedbackLog = options.feedback ?? { record: (event) => void recorded.push(event), mostFrequent: () => [] };
  const logger = memoryLogger();
  const storage = new MemoryStorage();
  const conversationState = new ConversationState(storage);
  const replies = new Replies(knowledge);
  const bot = new IadBot(conversationState, new UserState(storage), new MainDialog({ engine, replies, feedback, logger }), replies);
  const adapter = new TestAdapter(async (context) => bot.run(context));
  adapter.onTurnError = turnErrorHandler(conversationState, knowledge.messages, logger);

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
  return { adapter, send, say, recorded, logger, knowledge };
}
