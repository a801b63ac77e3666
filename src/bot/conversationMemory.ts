import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { z } from 'zod';

const RECENT_TOPICS = 5;

/**
 * What the conversation remembers between turns outside any form: the entries answered,
 * most recent first, so that "who can use it?" or "I want to request that" mean the topic
 * just discussed. Read back through its schema: stored state may come from an older version.
 */
export const ConversationMemory = z.object({
  recent: z.array(z.string().max(100)).max(RECENT_TOPICS).catch([]),
});
export type ConversationMemory = z.infer<typeof ConversationMemory>;

export async function readMemory(accessor: StatePropertyAccessor<unknown>, context: TurnContext): Promise<ConversationMemory> {
  const parsed = ConversationMemory.safeParse((await accessor.get(context)) ?? {});
  return parsed.success ? parsed.data : { recent: [] };
}

/** Records an entry as the topic just discussed. */
export async function rememberTopic(accessor: StatePropertyAccessor<unknown>, context: TurnContext, entryId: string): Promise<void> {
  const memory = await readMemory(accessor, context);
  await accessor.set(context, { recent: [entryId, ...memory.recent.filter((id) => id !== entryId)].slice(0, RECENT_TOPICS) } satisfies ConversationMemory);
}
