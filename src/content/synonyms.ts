import { z } from 'zod';

/**
 * Groups of words and short phrases that mean the same thing to a partner. A query that
 * says one of them also searches for the others; the index itself stays as written.
 */
export const SynonymFile = z.strictObject({
  groups: z.array(z.array(z.string().trim().min(1)).min(2, 'a group needs at least two terms')),
});
export type SynonymFile = z.infer<typeof SynonymFile>;
