import type { RetrievalSettings } from '../content/retrievalSettings';
import type { Analyzer } from './analyzer';
import type { SynonymExpander } from './synonymExpander';
import { skeleton, type Vocabulary } from './vocabulary';

export type VariantKind = 'exact' | 'fuzzy' | 'synonym';

/** One way a query word can be found in the knowledge: all `stems` together, or none. */
export interface Variant {
  stems: string[];
  kind: VariantKind;
}

export interface QueryTerm {
  word: string;
  /** How much this word tells about the question (idf); unknown words count as well. */
  weight: number;
  /** The word names a topic the knowledge declares (a title, tag or synonym word). */
  topic: boolean;
  /** False when neither the word, a near spelling, nor a synonym occurs in the knowledge. */
  known: boolean;
  variants: Variant[];
}

export interface AnalyzedQuery {
  terms: QueryTerm[];
  /** The message was longer than the engine reads. */
  truncated: boolean;
}

export interface QueryContext {
  analyzer: Analyzer;
  vocabulary: Vocabulary;
  synonyms: SynonymExpander;
  /** Real words of the language: these are never treated as typos. */
  dictionary: ReadonlySet<string>;
  /** Stems of the words that name topics: entry titles, tags and synonym groups. */
  topicStems: ReadonlySet<string>;
  /** idf of a stem over the search units, undefined for a stem no unit uses. */
  idf: (stem: string) => number | undefined;
  /** A word of a place named in this question (the gazetteer): context more often than topic. */
  isPlaceWord: (word: string) => boolean;
  settings: RetrievalSettings;
}

/** normalize -> terms -> variants (exact, typo-corrected, synonyms) -> weights. */
export function analyzeQuery(text: string, context: QueryContext): AnalyzedQuery {
  const { analyzer, vocabulary, synonyms, dictionary, topicStems, idf, isPlaceWord, settings } = context;
  const truncated = text.length > settings.maxQueryChars;
  const terms = analyzer.terms(truncated ? text.slice(0, settings.maxQueryChars) : text);

  const resolved = terms.map((term) => {
    if (vocabulary.hasStem(term.stem)) return { ...term, variants: [{ stems: [term.stem], kind: 'exact' as const }] };
    // A place's name is no typo ("Aires" of Buenos Aires is not "fire"); a real word is one
    // only when long and one letter away ("organisation" in the knowledge's American spelling).
    const distance = isPlaceWord(term.word) ? 0 : dictionary.has(term.word) ? (term.word.length >= 8 ? 1 : 0) : allowedDistance(term.word, settings);
    const corrections = vocabulary.closest(term.word, distance);
    return { ...term, variants: corrections.map((stem) => ({ stems: [stem], kind: 'fuzzy' as const })) };
  });
  const synonymsByPosition = synonyms.expand(resolved.map((term) => term.variants[0]?.stems[0] ?? term.stem));

  const byStem = new Map<string, QueryTerm>();
  resolved.forEach((term, position) => {
    const variants = [...term.variants, ...synonymsByPosition[position]!.map((stems) => ({ stems, kind: 'synonym' as const }))];
    const existing = byStem.get(term.stem);
    if (existing) {
      existing.variants.push(...variants.filter((v) => !existing.variants.some((e) => e.stems.join(' ') === v.stems.join(' '))));
      return;
    }
    if (byStem.size >= settings.maxQueryTerms) return;
    byStem.set(term.stem, { word: term.word, weight: 0, known: false, topic: false, variants });
  });

  const queryTerms = [...byStem.values()].map((term) => {
    const weights = term.variants.flatMap((v) => v.stems.map(idf)).filter((w): w is number => w !== undefined);
    const known = weights.length > 0;
    // Numbers the knowledge uses (years, counts) are as telling as topic words.
    const topic = term.variants.some((v) => v.stems.some((stem) => topicStems.has(stem) || /^\d+$/.test(stem)));
    // "A pistol found in Port of Spain" is about the pistol: where a partner is, is context.
    const place = isPlaceWord(term.word) ? settings.placeWeight : 1;
    return { ...term, known, topic, weight: place * (known ? Math.max(...weights) : settings.unknownTermWeight) };
  });
  // A place the knowledge never names ("Jamaica") is no unknown topic: it is left out.
  return { terms: queryTerms.filter((term) => term.known || !isPlaceWord(term.word)), truncated };
}

/** Judged on the spelling-insensitive form, so "jjjjjkkkk" is as short as it looks. */
function allowedDistance(word: string, settings: RetrievalSettings): number {
  if (/\d/.test(word)) return 0; // "2019" must not become "2020"
  const length = skeleton(word).length;
  let distance = 0;
  for (const rule of settings.fuzzy) if (length >= rule.minLength) distance = Math.max(distance, rule.maxDistance);
  return distance;
}

