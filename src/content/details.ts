import { z } from 'zod';

/**
 * Kinds of detail partners ask for that an answer may or may not give: a cost, a date or
 * schedule, a phone number, who may attend, the language of a course, figures. Each entry
 * declares the details it gives (`provides`); asked for another, the bot answers with what
 * the program information says and states plainly that it does not say the rest.
 */
export const DetailFile = z.strictObject({
  details: z.array(
    z.strictObject({
      id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case'),
      /** How the bot names it: "what it costs or who pays". */
      name: z.string().trim().min(1).max(80),
      /** How partners ask for it; a longer phrase wins over a shorter one it contains. */
      phrases: z.array(z.string().trim().min(1)).min(1),
    }),
  ),
});
export type DetailFile = z.infer<typeof DetailFile>;
