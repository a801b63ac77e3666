import type { Analyzer } from './analyzer';

/** How a phrase is found in a message. */
export type PhraseMode =
  /** Its topic words (stop words dropped), one after the other: "background check". */
  | 'sequence'
  /** All its words, stop words included, one after the other: "have an office". */
  | 'phrase'
  /** As `phrase`, but each word as written, not stemmed: "we requested" is not "we request". */
  | 'exact'
  /**
   * All its words, stop words included, in any order, close together (within a few words of
   * each other): "status of my request" meets "my request's status", but words scattered
   * over a long message do not make a phrase.
   */
  | 'words'
  /** As `words`, but each word as written, not stemmed: "submitted" is not "submit". */
  | 'wordForms'
  /**
   * All its words in order, each within a few words of the one before: "request a course"
   * meets "request the post-blast course", and "like training for" does not meet "training
   * for investigators like us".
   */
  | 'ordered'
  /** As `ordered`, but each word as written, not stemmed: "for investigators" is not "for investigations". */
  | 'orderedForms';

/** In the unordered modes, how many words beyond its own a phrase may be spread over. */
const SLACK = 3;

export interface PhraseMatch<T> {
  value: T;
  phrase: string;
  /** How many words the phrase has: a longer phrase is the more specific match. */
  length: number;
  /** Where it starts in the message (in the mode's words), for reading order. */
  position: number;
}

interface Phrase<T> {
  value: T;
  phrase: string;
  stems: string[];
}

/**
 * The one phrase matcher: declared phrases (out-of-scope topics, intents, details asked,
 * places, concepts, form triggers) found in a message on stems, so "licences" meets
 * "license" and "requested" meets "request". Phrases are analyzed once, here. An optional
 * equivalence lets a phrase's word match its synonyms ("weapon" for "gun").
 */
export class PhraseMatcher<T> {
  private readonly phrases: Phrase<T>[];

  constructor(
    entries: readonly { phrase: string; value: T }[],
    private readonly analyzer: Analyzer,
    private readonly mode: PhraseMode,
    private readonly equivalents: (stem: string) => readonly string[] = (stem) => [stem],
  ) {
    this.phrases = entries
      .map(({ phrase, value }) => ({ value, phrase, stems: this.stemsOf(phrase) }))
      .filter((phrase) => phrase.stems.length > 0);
  }

  /** Every phrase found, the most specific (longest) first, then in reading order. */
  find(text: string): PhraseMatch<T>[] {
    return this.findInStems(this.stemsOf(text));
  }

  /** As `find`, on a message already reduced to this mode's stems. */
  findInStems(stems: readonly string[]): PhraseMatch<T>[] {
    const expanded = stems.map((stem) => new Set(this.equivalents(stem)));
    const has = (at: number, stem: string) => expanded[at]!.has(stem);
    // Every mode needs each of a phrase's stems somewhere in the message: most phrases are out at
    // once, before any search for where they stand.
    const present = new Set(expanded.flatMap((equivalent) => [...equivalent]));
    const matches: PhraseMatch<T>[] = [];
    for (const phrase of this.phrases) {
      if (!phrase.stems.every((stem) => present.has(stem))) continue;
      const position =
        this.mode === 'sequence' || this.mode === 'phrase' || this.mode === 'exact'
          ? sequenceAt(phrase.stems, stems.length, has)
          : this.mode === 'ordered' || this.mode === 'orderedForms'
            ? orderedAt(phrase.stems, stems.length, has)
            : wordsAt(phrase.stems, stems.length, has);
      if (position >= 0) matches.push({ value: phrase.value, phrase: phrase.phrase, length: phrase.stems.length, position });
    }
    return matches.sort((a, b) => b.length - a.length || a.position - b.position);
  }

  /**
   * In the contiguous modes, the matches that do not overlap a longer one: "port of spain" is
   * found, and not "spain" inside it.
   */
  findSeparate(text: string): PhraseMatch<T>[] {
    const taken = new Set<number>();
    return this.find(text).filter((match) => {
      const span = Array.from({ length: match.length }, (_, k) => match.position + k);
      if (span.some((at) => taken.has(at))) return false;
      span.forEach((at) => taken.add(at));
      return true;
    });
  }

  stemsOf(text: string): string[] {
    if (this.mode === 'sequence') return this.analyzer.stems(text);
    const words = this.analyzer.words(text);
    return this.mode === 'wordForms' || this.mode === 'exact' || this.mode === 'orderedForms' ? words : words.map((word) => this.analyzer.stem(word));
  }
}

/** Where the stems occur one after the other, or -1. */
function sequenceAt(phrase: readonly string[], length: number, has: (at: number, stem: string) => boolean): number {
  for (let start = 0; start + phrase.length <= length; start++) if (phrase.every((stem, k) => has(start + k, stem))) return start;
  return -1;
}

/** Where the stems start when they occur in order, each at most SLACK + 1 words after the one before, or -1. */
function orderedAt(phrase: readonly string[], length: number, has: (at: number, stem: string) => boolean): number {
  for (let start = 0; start < length; start++) {
    if (!has(start, phrase[0]!)) continue;
    let at = start;
    const rest = phrase.slice(1).every((stem) => {
      for (let next = at + 1; next <= Math.min(length - 1, at + SLACK + 1); next++) {
        if (has(next, stem)) {
          at = next;
          return true;
        }
      }
      return false;
    });
    if (rest) return start;
  }
  return -1;
}

/** The start of the first window of phrase length + SLACK words holding all the stems, or -1. */
function wordsAt(phrase: readonly string[], length: number, has: (at: number, stem: string) => boolean): number {
  const window = phrase.length + SLACK;
  for (let start = 0; start < length; start++) {
    if (!phrase.some((stem) => has(start, stem))) continue;
    const end = Math.min(length, start + window);
    if (phrase.every((stem) => rangeHas(start, end, stem, has))) return start;
  }
  return -1;
}

function rangeHas(start: number, end: number, stem: string, has: (at: number, stem: string) => boolean): boolean {
  for (let at = start; at < end; at++) if (has(at, stem)) return true;
  return false;
}
