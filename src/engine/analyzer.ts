import lunr from 'lunr';

/** A word as the partner wrote it (normalized) and the stem the index stores for it. */
export interface Term {
  word: string;
  stem: string;
}

/**
 * The one text analysis used for indexing and for queries, so both sides agree: accents
 * folded, lowercase, punctuation dropped, stop words removed, Porter stems. Lunr's own
 * pipelines are left empty and the index receives these stems, which also keeps user text
 * away from lunr's query parser.
 */
export class Analyzer {
  private readonly extraStopWords: ReadonlySet<string>;

  constructor(extraStopWords: readonly string[] = []) {
    this.extraStopWords = new Set(extraStopWords.flatMap((w) => normalizedWords(w)));
  }

  /** Normalized words, stop words included: what small talk and phrase matching compare. */
  words(text: string): string[] {
    return normalizedWords(text);
  }

  terms(text: string): Term[] {
    return this.words(text)
      .filter((word) => !this.isStopWord(word))
      .map((word) => ({ word, stem: stemWord(word) }));
  }

  stems(text: string): string[] {
    return this.terms(text).map((t) => t.stem);
  }

  isStopWord(word: string): boolean {
    return this.extraStopWords.has(word) || lunr.stopWordFilter(new lunr.Token(word, {})) === undefined;
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

/** British -ise/-yse spellings stem like the American ones ("organisations", "analyse"). */
export function stemWord(word: string): string {
  const american = word.replace(/([iy])s(e|ed|es|ing|ation|ations)$/, '$1z$2');
  return lunr.stemmer(new lunr.Token(american, {})).toString();
}
