import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { z } from 'zod';

const RECENT_TOPICS = 5;
/** As much of the question as the feedback log keeps anyway. */
const MAX_QUESTION_CHARS = 2000;

/**
 * What the conversation remembers between turns outside any form: the entries answered,
 * most recent first, so that "who can use it?" or "I want to request that" mean the topic
 * just discussed; and the answer whose card just asked "Was this helpful?", so that a typed
 * "yes" or "no" is taken as the thumb it stands for. Read back through its schema: stored
 * state may come from an older version.
 */
export const ConversationMemory = z.object({
  recent: z.array(z.string().max(100)).max(RECENT_TOPICS).catch([]),
  feedbackFor: z.object({ entryId: z.string().max(100), question: z.string().max(MAX_QUESTION_CHARS) }).optional().catch(undefined),
});
export type ConversationMemory = z.infer<typeof ConversationMemory>;

export async function readMemory(accessor: StatePropertyAccessor<unknown>, context: TurnContext): Promise<ConversationMemory> {
  const parsed = ConversationMemory.safeParse((await accessor.get(context)) ?? {});
  return parsed.success ? parsed.data : { recent: [] };
}

/**
 * Records an entry as the topic just discussed; with `question`, its answer asked whether it
 * helped (an answer that offers to ask IAD staff asks that instead, and passes none).
 */
export async function rememberTopic(accessor: StatePropertyAccessor<unknown>, context: TurnContext, entryId: string, question?: string): Promise<void> {
  const memory = await readMemory(accessor, context);
  await accessor.set(context, {
    recent: [entryId, ...memory.recent.filter((id) => id !== entryId)].slice(0, RECENT_TOPICS),
    feedbackFor: question === undefined ? undefined : { entryId, question: question.slice(0, MAX_QUESTION_CHARS) },
  } satisfies ConversationMemory);
}

/** Forgets the answer that asked for feedback: the partner has moved on. */
export async function forgetFeedbackQuestion(accessor: StatePropertyAccessor<unknown>, context: TurnContext, memory: ConversationMemory): Promise<void> {
  if (memory.feedbackFor) await accessor.set(context, { recent: memory.recent } satisfies ConversationMemory);
}
