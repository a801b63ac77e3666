import type { RetrievalSettings } from '../content/retrievalSettings';
import type { Candidate } from './rank';

export type Decision =
  /** `moderate`: right most of the time, so the close alternatives are shown as related topics. */
  | { kind: 'answer'; best: Candidate; alternatives: Candidate[]; certainty: 'clear' | 'moderate' }
  | { kind: 'clarify'; options: Candidate[] }
  | { kind: 'fallback'; reason: 'no-question' | 'not-confident'; best?: Candidate }
  | { kind: 'fallback'; reason: 'out-of-scope'; topic: OutOfScopeTopic; best?: Candidate };

/** An out-of-scope topic the question names, with the stems of the phrase that named it. */
export interface OutOfScopeTopic {
  id: string;
  name: string;
  stems: string[];
  /**
   * Named by an exact wording, which no text of the knowledge contains: no answer speaks of it,
   * whatever words it shares ("engage-tu des" is hiring, though the overview says "engagé").
   */
  worded?: boolean;
  /** Partners may ask IAD for training on it (out-of-scope.yaml `trainingSubject`). */
  trainingSubject?: boolean;
  /** Partners may ask IAD for technical assistance on it (out-of-scope.yaml `assistanceSubject`). */
  assistanceSubject?: boolean;
}

/**
 * The answer policy. A question about a declared out-of-scope topic is declined. A confident
 * best entry is answered, its close runners-up shown beside it as related topics; a best
 * entry worth offering is answered too when it leads the next one by a margin, since a
 * "did you mean" with one real option is an answer. Only two or more genuinely close options
 * are put to the partner. A passage answers only when no entry is worth offering; anything
 * weaker is an honest fallback, never a guess.
 */
export function decide(candidates: readonly Candidate[], settings: RetrievalSettings, topics: readonly OutOfScopeTopic[] = []): Decision {
  const { answer, suggest, clear, clarifyMargin } = settings.thresholds;
  // A named out-of-scope topic wins unless the best match itself speaks of it.
  const outside = topics.find((topic) => topic.worded || !topic.stems.every((stem) => candidates[0]?.unit.stems.has(stem)));
  if (outside) return { kind: 'fallback', reason: 'out-of-scope', topic: outside, best: candidates[0] };
  if (candidates.length === 0) return { kind: 'fallback', reason: 'no-question' };

  const suggestible = candidates.filter((c) => c.unit.kind === 'entry' && c.confidence >= suggest);
  const [best, runnerUp] = suggestible;
  const close = (c: Candidate) => best !== undefined && best.score - c.score < clarifyMargin;
  const alternatives = suggestible.slice(1, 1 + settings.maxSuggestions);
  if (best && best.confidence >= answer) {
    const certainty = best.confidence >= clear && !(runnerUp && close(runnerUp)) ? 'clear' : 'moderate';
    return { kind: 'answer', best, alternatives, certainty };
  }
  if (best && runnerUp && close(runnerUp)) return { kind: 'clarify', options: suggestible.filter(close).slice(0, settings.maxSuggestions) };
  if (best) return { kind: 'answer', best, alternatives, certainty: 'moderate' };
  const passage = candidates.find((c) => c.unit.kind === 'passage');
  if (passage && passage.confidence >= answer) return { kind: 'answer', best: passage, alternatives: [], certainty: 'moderate' };
  return { kind: 'fallback', reason: 'not-confident', best: candidates[0] };
}
