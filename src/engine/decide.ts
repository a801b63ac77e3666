import type { RetrievalSettings } from '../content/retrievalSettings';
import type { Candidate } from './rank';

export type Decision =
  | { kind: 'answer'; best: Candidate; alternatives: Candidate[] }
  | { kind: 'clarify'; options: Candidate[] }
  | { kind: 'fallback'; reason: 'no-question' | 'not-confident'; best?: Candidate }
  | { kind: 'fallback'; reason: 'out-of-scope'; topic: OutOfScopeTopic; best?: Candidate };

/** An out-of-scope topic the question names, with the stems of the phrase that named it. */
export interface OutOfScopeTopic {
  id: string;
  name: string;
  stems: string[];
}

/**
 * The answer policy. A question about a declared out-of-scope topic is declined. Curated entries come first: a passage is answered only when no entry
 * is even worth suggesting. Close runners-up turn an answer into "did you mean"; anything below the
 * suggestion threshold is an honest fallback, never a guess.
 */
export function decide(candidates: readonly Candidate[], settings: RetrievalSettings, topics: readonly OutOfScopeTopic[] = []): Decision {
  const { answer, suggest, ambiguityRatio } = settings.thresholds;
  // A named out-of-scope topic wins unless the best match itself speaks of it.
  const outside = topics.find((topic) => !topic.stems.every((stem) => candidates[0]?.unit.stems.has(stem)));
  if (outside) return { kind: 'fallback', reason: 'out-of-scope', topic: outside, best: candidates[0] };
  if (candidates.length === 0) return { kind: 'fallback', reason: 'no-question' };

  const entries = candidates.filter((c) => c.unit.kind === 'entry');
  const suggestible = entries.filter((c) => c.confidence >= suggest);
  const best = entries[0];
  if (best && best.confidence >= answer) {
    const close = suggestible.filter((c) => c !== best && c.score >= best.score * ambiguityRatio);
    if (close.length === 0) return { kind: 'answer', best, alternatives: suggestible.filter((c) => c !== best).slice(0, settings.maxSuggestions) };
    return { kind: 'clarify', options: [best, ...close].slice(0, settings.maxSuggestions) };
  }
  const passage = candidates.find((c) => c.unit.kind === 'passage');
  if (suggestible.length === 0 && passage && passage.confidence >= answer) return { kind: 'answer', best: passage, alternatives: suggestible.slice(0, settings.maxSuggestions) };
  if (suggestible.length > 0) return { kind: 'clarify', options: suggestible.slice(0, settings.maxSuggestions) };
  return { kind: 'fallback', reason: 'not-confident', best: candidates[0] };
}
