import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import type { AnswerEngine } from '../engine/answerEngine';
import type { Decision } from '../engine/decide';
import { candidateLabel } from '../engine/formatResult';
import { readYamlFile } from '../content/yamlFile';
import type { EvalSet } from './evaluation';

/**
 * What the bot did with each question of the eval sets, recorded by `npm run eval -- --record`
 * in test/fixtures. It is not a gate: outcomes may change while the figures hold. When a figure
 * fails, the quality test compares against it to say which questions moved, and where to.
 */
export const OUTCOMES_FILE = 'eval-outcomes.json';

/** Question -> outcome label, in the order of the sets, so a re-recording diffs line by line. */
export const Outcomes = z.record(z.string(), z.string());
export type Outcomes = z.infer<typeof Outcomes>;

/** A question whose outcome differs from the recording; `was` is absent for a new question, `now` for a removed one. */
export interface OutcomeChange {
  question: string;
  was?: string;
  now?: string;
}

/** The entry the partner is shown first: the answer, or the first "did you mean" option. */
export function firstEntry(decision: Decision): string | undefined {
  const candidate = decision.kind === 'answer' ? decision.best : decision.kind === 'clarify' ? decision.options[0] : undefined;
  return candidate?.unit.kind === 'entry' ? candidate.unit.entry.id : undefined;
}

/** "answer etrace-tracing", "did you mean a | b", "fallback" or "fallback: out of scope (employment)". */
export function outcomeLabel(decision: Decision): string {
  if (decision.kind === 'answer') return `answer ${candidateLabel(decision.best)}`;
  if (decision.kind === 'clarify') return `did you mean ${decision.options.map(candidateLabel).join(' | ')}`;
  // The topic tells an author that a phrase of out-of-scope.yaml took the question.
  return decision.reason === 'out-of-scope' ? `fallback: out of scope (${decision.topic.id})` : 'fallback';
}

export function outcomesOf(engine: AnswerEngine, set: EvalSet): Outcomes {
  const questions = [...set.in_scope.map((item) => item.q), ...set.out_of_scope];
  return Object.fromEntries(questions.map((q) => [q, outcomeLabel(engine.ask(q).decision)]));
}

/** Changed and new questions in the order of `after`, then the questions `after` no longer has. */
export function diffOutcomes(before: Outcomes, after: Outcomes): OutcomeChange[] {
  const changed = Object.entries(after)
    .filter(([question, now]) => !Object.hasOwn(before, question) || before[question] !== now)
    .map(([question, now]) => (Object.hasOwn(before, question) ? { question, was: before[question], now } : { question, now }));
  const removed = Object.entries(before)
    .filter(([question]) => !Object.hasOwn(after, question))
    .map(([question, was]) => ({ question, was }));
  return [...changed, ...removed];
}

/** One line per change, with what the set expects so a reader sees at once whether it got better or worse. */
export function formatChanges(changes: readonly OutcomeChange[], set: EvalSet): string[] {
  const expected = new Map<string, string>([
    ...set.in_scope.map(({ q, expect }): [string, string] => [q, `expects ${expect.join(', ')}`]),
    ...set.out_of_scope.map((q): [string, string] => [q, 'out of scope']),
  ]);
  return changes.map(({ question, was, now }) => {
    const note = expected.has(question) ? ` (${expected.get(question)})` : '';
    return `"${question}": ${was === undefined ? 'not recorded' : `was ${was}`}, now ${now ?? 'not in the sets'}${note}`;
  });
}

export function readOutcomes(file: string): Outcomes {
  // JSON is YAML: the YAML reader gives a malformed recording a file, line and field.
  return readYamlFile(file, Outcomes).data;
}

export function writeOutcomes(file: string, outcomes: Outcomes): void {
  writeFileSync(file, `${JSON.stringify(outcomes, null, 2)}\n`);
}
