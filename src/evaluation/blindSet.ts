import { z } from 'zod';
import { Locale } from '../content/knowledgeEntry';
import { readYamlFile } from '../content/yamlFile';

const question = z.string().trim().min(1);
/** Terms a right answer contains, each "a|b" meaning either. */
const mustMention = z.array(z.string().trim().min(1)).min(1);
const Service = z.enum(['tracing', 'trafficking-assessment', 'response-team', 'bats', 'laboratory', 'small-arms-trafficking', 'post-blast', 'arson', 'unknown']);

const Turn = z.union([
  z.strictObject({ q: question, mustMention }),
  z.strictObject({ q: question, expect: z.enum(['request-assistance', 'request-training']) }),
]);

/**
 * A question set written blind: by people given only the program page, never the knowledge
 * files or the code, as different partners would write. Labels say what a partner must see
 * (terms of the page, a request started), not which entry answers, so the set judges what
 * the bot says rather than how it is built. See test/fixtures/blind/.
 */
export const BlindSet = z.strictObject({
  author: z.string(),
  written: z.union([z.string(), z.date()]),
  /** The language the partners of the set write in; its terms are those a right answer in that language contains. */
  locale: Locale.default('en'),
  /** Answered by the page. */
  answer: z.array(z.strictObject({ q: question, section: z.string(), mustMention })),
  /** About a covered topic, asking a detail the page does not give. */
  partial: z.array(z.strictObject({ q: question, topic: z.string(), missing: z.string() })),
  /** Out of scope: to be declined. */
  decline: z.array(z.strictObject({ q: question })),
  requests: z.array(z.strictObject({ q: question, form: z.enum(['assistance', 'training']), service: Service })),
  status: z.array(z.strictObject({ q: question })),
  doItNow: z.array(z.strictObject({ q: question, service: Service })),
  followUps: z.array(z.strictObject({ turns: z.array(Turn).min(2) })),
});
export type BlindSet = z.infer<typeof BlindSet>;
export type FollowUpTurn = z.infer<typeof Turn>;

export function readBlindSet(file: string): BlindSet {
  return readYamlFile(file, BlindSet).data;
}

/** Several sets as one; they are of one language (see `byLocale`). */
export function mergeBlindSets(sets: readonly BlindSet[]): BlindSet {
  const all = <K extends keyof BlindSet>(key: K) => sets.flatMap((set) => set[key] as unknown[]) as BlindSet[K];
  return {
    author: sets.map((s) => s.author).join('; '),
    written: sets.map((s) => String(s.written)).join(', '),
    locale: sets[0]?.locale ?? 'en',
    answer: all('answer'),
    partial: all('partial'),
    decline: all('decline'),
    requests: all('requests'),
    status: all('status'),
    doItNow: all('doItNow'),
    followUps: all('followUps'),
  };
}

/** The sets grouped by the language they are written in, so that each language has its own figures. */
export function byLocale<T extends { set: BlindSet }>(sets: readonly T[]): Map<Locale, T[]> {
  const groups = new Map<Locale, T[]>();
  for (const item of sets) groups.set(item.set.locale, [...(groups.get(item.set.locale) ?? []), item]);
  return groups;
}
