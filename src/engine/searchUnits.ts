import type { KnowledgeBase } from '../content/loadKnowledge';
import type { KnowledgeEntry } from '../content/knowledgeEntry';
import type { Passage } from '../content/sourceDocument';
import type { Analyzer } from './analyzer';

/**
 * What can be answered: a curated entry or a passage of a source document. Each unit is
 * indexed as one or more lunr documents (an entry's alternate questions are separate
 * documents, so a long list of questions does not dilute each one), and keeps the set of
 * stems it uses, from which the engine measures how much of a question it covers.
 */
export type SearchUnit = ({ kind: 'entry'; entry: KnowledgeEntry } | { kind: 'passage'; passage: Passage }) & {
  key: string;
  stems: ReadonlySet<string>;
  /** Adjacent stem pairs ("buy gun"): which phrases the unit uses, not only which words. */
  pairs: ReadonlySet<string>;
  /** The stems of each alternate question, to recognise a question asked almost as written. */
  questions: ReadonlySet<string>[];
};

/** A lunr document: field name to the stems in that field. */
export interface IndexDocument {
  ref: string;
  fields: Partial<Record<IndexField, string[]>>;
}

export const indexFields = ['title', 'question', 'answer', 'tags', 'body'] as const;
export type IndexField = (typeof indexFields)[number];

export function buildUnits(knowledge: KnowledgeBase, analyzer: Analyzer): SearchUnit[] {
  const textual = (segments: string[]) => {
    const sequences = segments.map((segment) => analyzer.stems(segment));
    return { stems: new Set(sequences.flat()), pairs: new Set(sequences.flatMap(stemPairs)) };
  };
  const entries = knowledge.entries.map((entry): SearchUnit => ({
    key: `e:${entry.id}`,
    kind: 'entry',
    entry,
    ...textual([entry.title, entry.answer, ...entry.tags, ...entry.questions]),
    questions: entry.questions.map((question) => new Set(analyzer.stems(question))),
  }));
  const passages = knowledge.passages.map((passage, i): SearchUnit => ({
    key: `p:${i}`,
    kind: 'passage',
    passage,
    ...textual([passage.section, passage.text]),
    questions: [],
  }));
  return [...entries, ...passages];
}

export function stemPairs(stems: readonly string[]): string[] {
  return stems.slice(1).map((stem, i) => `${stems[i]} ${stem}`);
}

export function documentsOf(unit: SearchUnit, analyzer: Analyzer): IndexDocument[] {
  if (unit.kind === 'passage') {
    return [{ ref: `${unit.key}#body`, fields: { title: analyzer.stems(unit.passage.section), body: analyzer.stems(unit.passage.text) } }];
  }
  const { entry } = unit;
  return [
    { ref: `${unit.key}#main`, fields: { title: analyzer.stems(entry.title), answer: analyzer.stems(entry.answer), tags: analyzer.stems(entry.tags.join(' ')) } },
    ...entry.questions.map((question, i) => ({ ref: `${unit.key}#q${i}`, fields: { question: analyzer.stems(question) } })),
  ];
}

/** The unit a lunr document ref belongs to. */
export function unitKeyOf(ref: string): string {
  return ref.slice(0, ref.indexOf('#'));
}
