import type { KnowledgeBase } from '../content/loadKnowledge';
import type { AnswerEngine } from '../engine/answerEngine';
import { firstEntry, outcomeLabel } from './evalOutcomes';

/**
 * How well each entry is found by a question it does not list: a partner's wording is never
 * exactly an alternate question. An entry whose questions are found only when they are listed
 * is reached by memorised wording, not by its topic.
 */
export interface LooReport {
  questions: number;
  found: number;
  rate: number;
  /** In the order of the knowledge. */
  entries: { id: string; questions: number; found: number; rate: number }[];
  misses: { question: string; entry: string; got: string }[];
}

/**
 * Asks each alternate question of an engine built without it (one build per question, so
 * seconds per hundred questions: for the tool, not the test suite). `build` must not read an
 * index file, which would hold the question. `knowledge` is left as it is.
 */
export function leaveOneOut(knowledge: KnowledgeBase, build: (knowledge: KnowledgeBase) => AnswerEngine): LooReport {
  const misses: LooReport['misses'] = [];
  const entries = knowledge.entries.map((entry) => {
    let found = 0;
    entry.questions.forEach((question, i) => {
      const without = { ...entry, questions: entry.questions.filter((_, j) => j !== i) };
      const { decision } = build({ ...knowledge, entries: knowledge.entries.map((e) => (e === entry ? without : e)) }).ask(question);
      if (firstEntry(decision) === entry.id) found++;
      else misses.push({ question, entry: entry.id, got: outcomeLabel(decision) });
    });
    return { id: entry.id, questions: entry.questions.length, found, rate: found / entry.questions.length };
  });
  const questions = entries.reduce((sum, e) => sum + e.questions, 0);
  const found = entries.reduce((sum, e) => sum + e.found, 0);
  return { questions, found, rate: found / questions, entries, misses };
}

/** The overall rate, the entries from the worst found, then every miss. */
export function formatLooReport(report: LooReport): string[] {
  const percent = (x: number) => `${(100 * x).toFixed(1)}%`.padStart(6);
  const worstFirst = [...report.entries].sort((a, b) => a.rate - b.rate);
  return [
    `leave-one-out: ${report.found}/${report.questions} alternate questions find their entry without being listed (${percent(report.rate).trim()})`,
    ...worstFirst.map((e) => `  ${percent(e.rate)}  ${`${e.found}/${e.questions}`.padStart(5)}  ${e.id}`),
    ...(report.misses.length > 0 ? [`misses (${report.misses.length}):`] : []),
    ...report.misses.map((m) => `  "${m.question}" (${m.entry}) -> ${m.got}`),
  ];
}
