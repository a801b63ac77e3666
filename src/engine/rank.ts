import type lunr from 'lunr';
import type { RetrievalSettings } from '../content/retrievalSettings';
import type { AnalyzedQuery } from './query';
import { unitKeyOf, type SearchUnit } from './searchUnits';

export interface Candidate {
  unit: SearchUnit;
  /** Orders the candidates: confidence plus the lunr score relative to the best. */
  score: number;
  /** Lunr (BM25) score of the unit's best document. */
  lunrScore: number;
  /** Share of the question's information (idf-weighted words) that the unit contains. */
  coverage: number;
  /** Sum of the idf of the question words the unit contains. */
  evidence: number;
  /** 0..1: coverage, discounted when few topic words match. Drives the decision. */
  confidence: number;
  /** The question names this entry in its own words (a concept, or a place with words of presence). */
  named?: boolean;
}

/**
 * Scores every unit that shares a word with the query. Lunr ranks; coverage measures
 * whether the unit speaks to the whole question rather than to one of its words, which
 * is what tells an in-scope question from "ATF jobs in Texas".
 */
export function rankCandidates(
  query: AnalyzedQuery,
  index: lunr.Index,
  unitsByKey: ReadonlyMap<string, SearchUnit>,
  settings: RetrievalSettings,
): Candidate[] {
  if (query.terms.length === 0) return [];
  const results = index.query((q) => {
    for (const term of query.terms) {
      for (const variant of term.variants) {
        for (const stem of variant.stems) q.term(stem, { usePipeline: false, boost: settings.variantWeights[variant.kind] });
      }
    }
  });

  const bestScore = new Map<string, number>();
  for (const result of results) {
    const key = unitKeyOf(result.ref);
    bestScore.set(key, Math.max(bestScore.get(key) ?? 0, result.score));
  }

  const known = query.terms.filter((term) => term.known);
  const unknownCount = query.terms.length - known.length;
  // Unknown words add up with diminishing weight: long messages carry context ("our port", "last week").
  const totalWeight = known.reduce((sum, term) => sum + term.weight, 0) + settings.unknownTermWeight * unknownCount ** settings.unknownTermDamping;
  const topLunrScore = Math.max(...bestScore.values());
  const candidates: Candidate[] = [];
  for (const [key, bestLunrScore] of bestScore) {
    const unit = unitsByKey.get(key);
    if (!unit) continue;
    let evidence = 0;
    let topicEvidence = 0;
    for (const term of known) {
      const matched = term.weight * matchStrength(term.variants, unit, settings);
      evidence += matched;
      if (term.topic) topicEvidence += matched;
    }
    const coverage = totalWeight > 0 ? evidence / totalWeight : 0;
    const confidence = coverage * Math.min(1, topicEvidence / settings.thresholds.minEvidence);
    const lunrScore = bestLunrScore * (unit.kind === 'passage' ? settings.passageScoreFactor : 1);
    const score = confidence + settings.lunrScoreWeight * (lunrScore / topLunrScore) + settings.questionMatchWeight * questionMatch(query, unit);
    candidates.push({ unit, score, lunrScore, coverage, evidence, confidence });
  }
  return candidates.sort((a, b) => b.score - a.score);
}

function matchStrength(variants: AnalyzedQuery['terms'][number]['variants'], unit: SearchUnit, settings: RetrievalSettings): number {
  let strength = 0;
  for (const variant of variants) {
    if (variant.stems.every((stem) => unit.stems.has(stem))) strength = Math.max(strength, settings.variantWeights[variant.kind]);
  }
  return strength;
}

/**
 * How close the question is to the unit's nearest alternate question: the Dice overlap of
 * their stems, a word of the question counting when any of its variants is in the other.
 * A question asked almost as an author wrote it should find its entry first.
 */
function questionMatch(query: AnalyzedQuery, unit: SearchUnit): number {
  let best = 0;
  for (const question of unit.questions) {
    if (question.size === 0) continue;
    const shared = query.terms.filter((term) => term.variants.some((v) => v.stems.every((stem) => question.has(stem)))).length;
    best = Math.max(best, (2 * shared) / (query.terms.length + question.size));
  }
  return best;
}
