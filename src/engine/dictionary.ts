import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

let englishWords: ReadonlySet<string> | undefined;

/**
 * Common English words (the `word-list` package). A question word that is a real word but
 * absent from the knowledge ("weather", "came") is a topic the knowledge does not cover,
 * not a typo: only words outside the dictionary are typo-corrected.
 */
export function englishDictionary(): ReadonlySet<string> {
  englishWords ??= new Set(readFileSync(join(dirname(require.resolve('word-list')), 'words.txt'), 'utf8').split('\n'));
  return englishWords;
}
