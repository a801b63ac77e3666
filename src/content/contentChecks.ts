import { normalizedWords } from '../engine/analyzer';
import { analyzerFor } from '../engine/analyzerFor';
import type { IntentFile } from './intents';
import type { ContentProblem } from './contentError';
import type { KnowledgeBase } from './loadKnowledge';

/** Share of a source sentence's words that one answer must use for the sentence to count as covered. */
export const COVERAGE_THRESHOLD = 0.8;

export interface UncoveredSentence {
  file: string;
  line: number;
  section: string;
  sentence: string;
  /** The best share any single answer reaches. */
  best: number;
}

/**
 * Every sentence of every source document must be told by some curated answer: at least
 * COVERAGE_THRESHOLD of its content words (stemmed, stop words aside) appear in one
 * answer. That keeps the curated layer complete as pages change. Checked in the page's own
 * language; the other languages cover it by translating every entry (`translationGaps`).
 */
export function uncoveredSentences(knowledge: KnowledgeBase): UncoveredSentence[] {
  const analyzer = analyzerFor(knowledge);
  const answers = knowledge.entries.map((entry) => new Set(analyzer.stems(entry.answer)));
  const uncovered: UncoveredSentence[] = [];
  for (const document of knowledge.documents.filter((d) => d.locale === knowledge.locale)) {
    for (const passage of document.passages) {
      for (const sentence of splitSentences(passage.text)) {
        const stems = [...new Set(analyzer.stems(sentence))];
        if (stems.length === 0) continue;
        const best = Math.max(0, ...answers.map((answer) => stems.filter((s) => answer.has(s)).length / stems.length));
        if (best < COVERAGE_THRESHOLD) uncovered.push({ file: document.file, line: passage.line, section: passage.section, sentence, best });
      }
    }
  }
  return uncovered;
}

export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Details an author could invent: numbers (dates, counts, phone numbers), e-mail addresses, links. */
const checkablePatterns: { kind: string; pattern: RegExp }[] = [
  { kind: 'e-mail address', pattern: /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g },
  { kind: 'link', pattern: /\b(?:https?:\/\/|www\.)\S+|\b[\w-]+\.(?:gov|com|org|net|int)\b\S*/gi },
  { kind: 'number', pattern: /\d+(?:[.,:/-]\d+)*/g },
];

/**
 * Answers may only state numbers, dates, e-mail addresses and links that the source
 * document they cite contains: the bot must never invent contact details or figures.
 */
export function ungroundedDetails(knowledge: KnowledgeBase): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const entry of knowledge.entries) {
    const document = knowledge.documents.find((d) => d.id === entry.source.document);
    const sourceText = document?.passages.map((p) => p.text).join('\n') ?? '';
    for (const { kind, pattern } of checkablePatterns) {
      for (const detail of entry.answer.match(pattern) ?? []) {
        if (!containsWhole(sourceText, detail)) {
          problems.push({ ...knowledge.locate(entry.id, ['answer']), field: `${entry.id}.answer`, message: `${kind} "${detail}" does not appear in ${entry.source.document}` });
        }
      }
    }
  }
  return problems;
}

/** "202" is not in "2021": a detail must stand on its own in the source. */
function containsWhole(text: string, detail: string): boolean {
  const escaped = detail.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\w@.])${escaped}(?![\\w@])`).test(text);
}

export interface ShortenedPhrase {
  /** Where it is in intents.yaml, e.g. "followUp.request". */
  list: string;
  phrase: string;
  /** What analysis keeps of it. */
  readsAs: string;
}

/**
 * Phrases of intents.yaml that analysis leaves with one word or none, because one-letter
 * words are not read: "i want a" is matched as "want", in any message that says "want"; "u"
 * is never matched. Reported as warnings so an author sees what a phrase really matches.
 * (`setAside` and `alternatives` are read as written, so they are not checked.)
 */
export function shortenedPhrases(intents: IntentFile): ShortenedPhrase[] {
  const { setAside: _readAsWritten, alternatives: _alsoReadAsWritten, ...matched } = intents;
  const lists = Object.entries(matched).flatMap(([key, value]) =>
    Array.isArray(value) ? [{ list: key, phrases: value }] : Object.entries(value as Record<string, string[]>).map(([sub, phrases]) => ({ list: `${key}.${sub}`, phrases })),
  );
  return lists.flatMap(({ list, phrases }) =>
    phrases.flatMap((phrase) => {
      const kept = normalizedWords(phrase);
      const written = phrase.trim().split(/[\s'’-]+/).filter((word) => /[\p{L}\p{N}]/u.test(word));
      return kept.length <= 1 && kept.length < written.length ? [{ list, phrase, readsAs: kept.join(' ') }] : [];
    }),
  );
}

/**
 * What a translation must keep of the default locale's content: every entry (none missing,
 * none added) with the same source, links, request and details given; and the same details,
 * out-of-scope topics and places. Messages and small talk are checked by their schemas, which
 * require every key. A missing translation is reported with its file and the key.
 */
export function translationGaps(base: KnowledgeBase, translation: KnowledgeBase): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const { folder } = translation;
  const entries = new Map(translation.entries.map((entry) => [entry.id, entry]));
  for (const original of base.entries) {
    const entry = entries.get(original.id);
    if (!entry) {
      problems.push({ file: folder, message: `entry "${original.id}" (${base.locate(original.id).file}) has no ${translation.locale} translation` });
      continue;
    }
    for (const field of ['source', 'related', 'request', 'provides'] as const) {
      if (JSON.stringify(entry[field]) !== JSON.stringify(original[field])) {
        problems.push({ ...translation.locate(entry.id, [field]), field: `${entry.id}.${field}`, message: `differs from the ${base.locale} entry (${JSON.stringify(original[field])})` });
      }
    }
  }
  for (const entry of translation.entries) {
    if (!base.entries.some((original) => original.id === entry.id)) problems.push({ ...translation.locate(entry.id, ['id']), field: `${entry.id}.id`, message: `is not an entry of ${base.locale}` });
  }
  const sameIds = (name: string, ids: (k: KnowledgeBase) => string[]) => {
    const theirs = new Set(ids(translation));
    const ours = new Set(ids(base));
    for (const id of ours) if (!theirs.has(id)) problems.push({ file: `${folder}/${name}`, message: `"${id}" of ${base.locale} has no ${translation.locale} translation` });
    for (const id of theirs) if (!ours.has(id)) problems.push({ file: `${folder}/${name}`, message: `"${id}" is not in ${base.locale}` });
  };
  sameIds('details.yaml', (k) => k.details.details.map((d) => d.id));
  sameIds('out-of-scope.yaml', (k) => k.outOfScope.topics.map((t) => t.id));
  sameIds('places.yaml', (k) => k.places.places.map((p) => p.id));
  sameIds('smalltalk.yaml', (k) => Object.keys(k.smalltalk.intents));
  return problems;
}
