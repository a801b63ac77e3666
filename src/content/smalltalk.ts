import { z } from 'zod';

export const SmalltalkIntentName = z.enum(['greeting', 'thanks', 'help', 'capabilities', 'identity', 'goodbye', 'startOver']);
export type SmalltalkIntentName = z.infer<typeof SmalltalkIntentName>;

/**
 * Conversational phrases answered without the knowledge base. A message is small talk only
 * when, once filler words are dropped, it is exactly one of the phrases: "hi, what is
 * eTrace?" is a question, not a greeting.
 */
export const SmalltalkFile = z.strictObject({
  filler: z.array(z.string().min(1)).default([]),
  intents: z.record(
    SmalltalkIntentName,
    z.strictObject({
      phrases: z.array(z.string().trim().min(1)).min(1),
      reply: z.string().trim().min(1),
    }),
  ),
});
export type SmalltalkFile = z.infer<typeof SmalltalkFile>;
