import { ENGLISH, type Language } from './languages';

/** A word as the partner wrote it (normalized) and the stem the index stores for it. */
export interface Term {
  word: string;
  stem: string;
}

/**
 * The one text analysis used for indexing and for queries, so both sides agree: accents
 * folded, lowercase, punctuation dropped, stop words removed, stems of the knowledge's
 * language (Porter for English, Snowball for Spanish and French). Lunr's own pipelines are
 * left empty and the index receives these stems, which also keeps user text away from lunr's
 * query parser.
 */
export class Analyzer {
  private readonly extraStopWords: ReadonlySet<string>;

  constructor(
    extraStopWords: readonly string[] = [],
    readonly language: Language = ENGLISH,
  ) {
    this.extraStopWords = new Set(extraStopWords.flatMap((w) => normalizedWords(w)));
  }

  /** Normalized words, stop words included: what small talk and phrase matching compare. */
  words(text: string): string[] {
    return normalizedWords(text);
  }

  terms(text: string): Term[] {
    return this.words(text)
      .filter((word) => !this.isStopWord(word))
      .map((word) => ({ word, stem: this.stem(word) }));
  }

  stems(text: string): string[] {
    return this.terms(text).map((t) => t.stem);
  }

  stem(word: string): string {
    return this.language.stem(word);
  }

  isStopWord(word: string): boolean {
    return this.extraStopWords.has(word) || this.language.isStopWord(word);
  }
}

export function normalizedWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b(?:https?:\/\/|www\.)\S+/g, ' ') // addresses and links name no topic
    .replace(/\b(?:\p{L}\.){2,}/gu, (acronym) => acronym.replaceAll('.', '')) // "B.A.T.S." -> "bats"
    .replace(/(?<=\p{L})(?=\d)|(?<=\d)(?=\p{L})/gu, ' ') // "fy2019" -> "fy 2019"
    .replace(/n['’‘`´]t\b/g, '')
    .replace(/['’‘`´](?:s|re|ll|ve|d|m|t)\b/g, '') // possessives and contractions: "we're" -> "we"
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 1 || /\d/.test(word));
}

/** An English stem: what the intent model, which reads every language alike, compares. */
export function stemWord(word: string): string {
  return ENGLISH.stem(word);
}
