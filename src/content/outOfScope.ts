import { z } from 'zod';

/**
 * Topics partners ask about that IAD's program information does not cover (firearm
 * licensing, visas, jobs...). A question naming one gets an honest "that is outside what I
 * cover", even when other words of it match an entry ("a firearms licence in Mexico").
 */
export const OutOfScopeFile = z.strictObject({
  topics: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case'),
        /** How the bot names the topic in its reply ("firearm licences and purchase rules"). */
        name: z.string().trim().min(1).max(80),
        /** Its topic words in order ("background check"): function words and word endings do not matter. */
        phrases: z.array(z.string().trim().min(1)).min(1),
        /** Exact word sequences, for when a function word is what makes it out of scope ("make a bomb"). */
        wordings: z.array(z.string().trim().min(1)).default([]),
        /**
         * A subject partners may ask IAD to train them in ("a course on money laundering for our
         * analysts, can ATF organise it?"): such a request starts the training form, its subject
         * "other", instead of being declined.
         */
        trainingSubject: z.boolean().default(false),
        /**
         * A subject partners may ask IAD's technical assistance on ("technical support to modernise
         * our national firearms registry, how do we ask?"): such a request starts the assistance
         * form, its type "other", instead of being declined.
         */
        assistanceSubject: z.boolean().default(false),
      }),
    )
    .default([]),
});
export type OutOfScopeFile = z.infer<typeof OutOfScopeFile>;
