import { z } from 'zod';

/**
 * Words of chat that carry no topic ("please", "tell", "know"), added to the language's
 * standard stop words. They are dropped from the index and from questions alike, so that
 * they neither match nor count against the question's coverage.
 */
export const StopWordFile = z.strictObject({
  words: z.array(z.string().trim().min(1)),
});
export type StopWordFile = z.infer<typeof StopWordFile>;
