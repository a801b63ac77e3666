import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { z } from 'zod';
import { Locale } from '../content/knowledgeEntry';

const RECENT_TOPICS = 5;
/** As much of the question as the feedback log keeps anyway. */
const MAX_QUESTION_CHARS = 2000;

/**
 * What the conversation remembers between turns outside any form: the entries answered,
 * most recent first, so that "who can use it?" or "I want to request that" mean the topic
 * just discussed; and the answer just given with the question its card ends on ("Was this
 * helpful?", or whether to ask IAD staff what the page does not say), so that a typed "yes"
 * or "no" answers it; and the language the partner last wrote in or asked for. Read back
 * through its schema: stored state may come from an older version.
 */
export const ConversationMemory = z.object({
  recent: z.array(z.string().max(100)).max(RECENT_TOPICS).catch([]),
  lastAnswer: z
    .object({ entryId: z.string().max(100), question: z.string().max(MAX_QUESTION_CHARS), offersStaff: z.boolean() })
    .optional()
    .catch(undefined),
  language: Locale.optional().catch(undefined),
  channelLocale: z.string().max(35).optional().catch(undefined),
});
export type ConversationMemory = z.infer<typeof ConversationMemory>;

export async function readMemory(accessor: StatePropertyAccessor<unknown>, context: TurnContext): Promise<ConversationMemory> {
  const parsed = ConversationMemory.safeParse((await accessor.get(context)) ?? {});
  return parsed.success ? parsed.data : { recent: [] };
}

/**
 * Records an entry as the topic just discussed, answered to `question`; `offersStaff` when the
 * answer offers to ask IAD staff what the page does not say.
 */
export async function rememberTopic(accessor: StatePropertyAccessor<unknown>, context: TurnContext, entryId: string, question: string, offersStaff = false): Promise<void> {
  const memory = await readMemory(accessor, context);
  await accessor.set(context, {
    ...memory,
    recent: [entryId, ...memory.recent.filter((id) => id !== entryId)].slice(0, RECENT_TOPICS),
    lastAnswer: { entryId, question: question.slice(0, MAX_QUESTION_CHARS), offersStaff },
  } satisfies ConversationMemory);
}

/** Forgets the answer just given, whose question the partner has now answered or moved on from. */
export async function forgetLastAnswer(accessor: StatePropertyAccessor<unknown>, context: TurnContext, memory: ConversationMemory): Promise<void> {
  if (memory.lastAnswer) await accessor.set(context, { ...memory, lastAnswer: undefined } satisfies ConversationMemory);
}

/**
 * Remembers the channel's locale of this turn, and the language the partner wrote in or asked
 * for (`language`, when the turn says it).
 */
export async function rememberLanguage(accessor: StatePropertyAccessor<unknown>, context: TurnContext, memory: ConversationMemory, channelLocale: string | undefined, language?: Locale): Promise<void> {
  const next = { ...memory, channelLocale: channelLocale?.slice(0, 35), language: language ?? memory.language };
  if (next.language !== memory.language || next.channelLocale !== memory.channelLocale) await accessor.set(context, next satisfies ConversationMemory);
}
