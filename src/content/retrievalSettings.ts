import { z } from 'zod';

const weight = z.number().min(0).max(10);
const fraction = z.number().min(0).max(1);

/**
 * How the answer engine weighs fields and decides between answering, asking "did you
 * mean" and falling back. Declared once in knowledge/retrieval.yaml so tuning is a data
 * change reviewed alongside its effect on `npm run eval`.
 */
export const RetrievalSettings = z.strictObject({
  fieldBoosts: z.strictObject({
    title: weight,
    question: weight,
    answer: weight,
    tags: weight,
    body: weight,
  }),
  /** How much a query term found through a typo correction or a synonym counts. */
  variantWeights: z.strictObject({
    exact: fraction,
    fuzzy: fraction,
    synonym: fraction,
  }),
  /** Allowed edit distance by word length: the longest rule whose minLength fits applies. */
  fuzzy: z.array(z.strictObject({ minLength: z.int().min(1), maxDistance: z.int().min(0).max(3) })).min(1),
  /** Weight of a query word the knowledge has never used, relative to idf of known words. */
  unknownTermWeight: weight,
  /**
   * Unknown words weigh unknownTermWeight x count^damping in all: in a short question an
   * unknown word is likely the topic, in a long one most are context ("our port", "last week").
   */
  unknownTermDamping: fraction,
  /** Ranking adds closeness to the unit's nearest alternate question, by this weight. */
  questionMatchWeight: weight,
  /** Ranking mixes confidence with the lunr score relative to the best one, by this weight. */
  lunrScoreWeight: weight,
  /** Long messages are read up to this many characters and this many distinct words. */
  maxQueryChars: z.int().min(100).max(100_000),
  maxQueryTerms: z.int().min(4).max(256),
  /** How much a word of a place name (gazetteer) weighs in a question: a place is mostly context. */
  placeWeight: fraction,
  /** A question that uses an entry's concept phrase counts at least this confident about it... */
  conceptConfidence: fraction,
  /** ...and its score is raised by this, which ranks it first. */
  conceptWeight: weight,
  /** Passages compete with curated entries with their score multiplied by this. */
  passageScoreFactor: fraction,
  thresholds: z.strictObject({
    /** Confidence needed to answer whatever the runners-up. */
    answer: fraction,
    /** Confidence needed to be answered when clearly ahead, or offered under "did you mean". */
    suggest: fraction,
    /** From this confidence, with no close runner-up, an answer shows no related topics. */
    clear: fraction,
    /** Below `answer`, a runner-up whose score is within this of the best makes the question ambiguous. */
    clarifyMargin: weight,
    /** Matched topic words (sum of their weights) below this are never enough to answer. */
    minEvidence: weight,
  }),
  maxSuggestions: z.int().min(1).max(5),
  /**
   * The intent model's probability from which a message no phrase claims is taken as a
   * request, a status question or something to do now, rather than as a question.
   */
  intentConfidence: fraction,
  /** The same, for a request when the message also tells of the partner's own case (intents.yaml `ownCase`). */
  intentConfidenceWithCase: fraction,
});
export type RetrievalSettings = z.infer<typeof RetrievalSettings>;
