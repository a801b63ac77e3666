import { z } from 'zod';

/** Locales the content schema accepts: English, Spanish and French. */
export const Locale = z.enum(['en', 'es', 'fr']);
export type Locale = z.infer<typeof Locale>;

/** The locale of a language tag as channels send it ("es-MX", "fr_CA", "EN"), among `locales`. */
export function localeOfTag(tag: string | undefined, locales: readonly Locale[]): Locale | undefined {
  const language = (tag ?? '').toLowerCase().split(/[-_]/)[0];
  return locales.find((locale) => locale === language);
}

const entryId = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case: lowercase letters, digits and single hyphens');

const nonEmptyLine = z.string().trim().min(1, 'must not be empty');

/** One curated answer. Its alternate questions are how partners really ask for it. */
export const KnowledgeEntry = z.strictObject({
  id: entryId,
  locale: Locale,
  title: nonEmptyLine.max(80, 'must be at most 80 characters: it is shown as a heading and a button'),
  answer: z.string().trim().min(20, 'must be a real answer of at least 20 characters').max(1200, 'must be at most 1200 characters: answers are short'),
  questions: z.array(nonEmptyLine.max(300)).min(5, 'needs at least 5 alternate questions'),
  tags: z.array(z.string().regex(/^[\p{Ll}0-9][\p{Ll}0-9 -]*$/u, 'tags are lowercase words')).default([]),
  source: z.strictObject({
    document: entryId,
    section: nonEmptyLine,
  }),
  related: z.array(entryId).max(5).default([]),
  /**
   * Phrases partners use for this topic in their own words ("where a gun was first sold"):
   * a question that says one of them is about this entry, whatever else it says.
   */
  concepts: z.array(nonEmptyLine.max(100)).default([]),
  /**
   * The guided request that acts on this answer (dialogs/*.yaml): a dialog's id, or a choice
   * of one ("tracing" of request-assistance). The answer offers "Request this", and "I want
   * to request that" after it starts the request with the choice made.
   */
  request: entryId.optional(),
  /**
   * The details (knowledge/<locale>/details.yaml) this answer gives. A question asking for
   * another one (a cost, a date) gets this answer and a plain word that the program
   * information does not say it.
   */
  provides: z.array(entryId).default([]),
});
export type KnowledgeEntry = z.infer<typeof KnowledgeEntry>;

export const EntryFile = z.strictObject({
  entries: z.array(KnowledgeEntry).min(1, 'lists no entries'),
});
export type EntryFile = z.infer<typeof EntryFile>;
