import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The word-list packages: common English words, and the Spanish and French words of wooorm's lists. */
export type WordList = 'word-list' | 'an-array-of-spanish-words' | 'an-array-of-french-words';

const loaded = new Map<WordList, ReadonlySet<string>>();

/**
 * The real words of a language, lowercase and with accents folded as questions are. A question
 * word that is a real word but absent from the knowledge ("weather", "came") is a topic the
 * knowledge does not cover, not a typo: only words outside the dictionary are typo-corrected.
 * Read once, on first use.
 */
export function wordsOf(list: WordList): ReadonlySet<string> {
  let words = loaded.get(list);
  if (!words) {
    const raw: string[] =
      list === 'word-list' ? readFileSync(join(dirname(require.resolve('word-list')), 'words.txt'), 'utf8').split('\n') : (require(list) as string[]);
    words = new Set(raw.map((word) => word.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase()));
    loaded.set(list, words);
  }
  return words;
}

/** Common English words: also what the redactor takes for ordinary words rather than names. */
export function englishDictionary(): ReadonlySet<string> {
  return wordsOf('word-list');
}
