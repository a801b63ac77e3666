import { z } from 'zod';
import type { AnswerEngine } from '../engine/answerEngine';
import { readYamlFile } from '../content/yamlFile';
import { firstEntry, outcomeLabel } from './evalOutcomes';

/**
 * The labelled question sets in test/fixtures, each written by a different author apart from
 * the entries' alternate questions (and from each other). Together they are the eval set.
 */
export const EVAL_SET_FILES = ['eval-questions.yaml', 'holdout-questions.yaml'] as const;

/** A labelled question set, kept apart from the entries' alternate questions. */
export const EvalSet = z.strictObject({
  in_scope: z.array(z.strictObject({ q: z.string().min(1), expect: z.array(z.string()).min(1) })).min(1),
  out_of_scope: z.array(z.string().min(1)).min(1),
});
export type EvalSet = z.infer<typeof EvalSet>;

export interface EvalReport {
  inScope: number;
  outOfScope: number;
  /** The bot's answer, or its first "did you mean" option, is an expected entry. */
  top1Accuracy: number;
  /** An expected entry is among the first three ranked entries. */
  top3Recall: number;
  /** Out-of-scope questions that end in the honest fallback. */
  rejectionRate: number;
  misses: { question: string; expected: string[]; got: string }[];
  falseAnswers: { question: string; got: string }[];
}

export function readEvalSet(file: string): EvalSet {
  return readYamlFile(file, EvalSet).data;
}

/** The sets as one, for the overall figures and the recorded outcomes. */
export function mergeEvalSets(sets: readonly EvalSet[]): EvalSet {
  return { in_scope: sets.flatMap((s) => s.in_scope), out_of_scope: sets.flatMap((s) => s.out_of_scope) };
}

export function evaluate(engine: AnswerEngine, set: EvalSet): EvalReport {
  const misses: EvalReport['misses'] = [];
  let top1 = 0;
  let top3 = 0;
  for (const { q, expect } of set.in_scope) {
    const { decision, candidates } = engine.ask(q);
    const first = firstEntry(decision);
    if (first && expect.includes(first)) top1++;
    else misses.push({ question: q, expected: expect, got: outcomeLabel(decision) });
    const ranked = candidates.flatMap((c) => (c.unit.kind === 'entry' ? [c.unit.entry.id] : [])).slice(0, 3);
    if (ranked.some((id) => expect.includes(id))) top3++;
  }
  const falseAnswers: EvalReport['falseAnswers'] = [];
  for (const q of set.out_of_scope) {
    const { decision } = engine.ask(q);
    if (decision.kind !== 'fallback') falseAnswers.push({ question: q, got: outcomeLabel(decision) });
  }
  return {
    inScope: set.in_scope.length,
    outOfScope: set.out_of_scope.length,
    top1Accuracy: top1 / set.in_scope.length,
    top3Recall: top3 / set.in_scope.length,
    rejectionRate: 1 - falseAnswers.length / set.out_of_scope.length,
    misses,
    falseAnswers,
  };
}
