import type { EngineSet } from '../engine/engineSet';
import { MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import { createBot } from '../bot/createBot';
import type { AnswerChannelData } from '../bot/replies';
import type { FormCatalog } from '../forms/formCatalog';
import { createLogger } from '../logger';
import { openDatabase } from '../storage/database';
import { SqliteRequestStore } from '../storage/requestStore';
import type { BotReply, ChatTarget, PartnerInput } from './blindEvaluation';

/**
 * The real bot (its dialogs, forms and engine) on a botbuilder TestAdapter, with state and
 * requests in memory: what an evaluation talks to. The channel renders no cards, so every
 * reply's text is what a partner reads.
 */
export function localBot(engines: EngineSet, forms: FormCatalog): ChatTarget {
  const db = openDatabase(':memory:');
  const bot = createBot({
    engines,
    forms,
    store: new SqliteRequestStore(db),
    storage: new MemoryStorage(),
    feedback: { record: () => undefined, mostFrequent: () => [] },
    logger: createLogger('error', () => undefined),
    today: () => new Date(),
  });
  let conversations = 0;
  return {
    conversation(locale) {
      const adapter = new TestAdapter(async (context) => bot.run(context));
      adapter.conversation.conversation.id = `eval-${++conversations}`;
      return async (input: PartnerInput) => {
        const before = adapter.activeQueue.length;
        await adapter.receiveActivity(typeof input === 'string' ? { type: 'message', text: input, locale } : { type: 'message', value: input.value, locale });
        return adapter.activeQueue.splice(before).filter((a) => a.type === 'message').map(toReply);
      };
    },
  };
}

function toReply(activity: Partial<Activity>): BotReply {
  return {
    text: activity.text ?? '',
    buttons: (activity.suggestedActions?.actions ?? []).map((action) => ({ title: action.title ?? '', value: action.value })),
    iad: (activity.channelData as { iad?: AnswerChannelData } | undefined)?.iad,
  };
}
