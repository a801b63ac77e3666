import type { OutOfScopeFile } from '../content/outOfScope';
import type { Analyzer } from './analyzer';
import type { OutOfScopeTopic } from './decide';
import { stemPairs } from './searchUnits';

/**
 * Finds the declared out-of-scope topics a question names, by phrase on stems. A phrase
 * the knowledge itself uses (a word of it, or all its word pairs, such as "own a gun",
 * whose "own" is a stop word, leaving "gun") would decline in-scope questions, so it is
 * set aside and reported by `npm run knowledge:check`.
 */
export class OutOfScopeDetector {
  private readonly phrases: OutOfScopeTopic[];
  readonly ineffective: { topic: string; phrase: string }[] = [];

  constructor(file: OutOfScopeFile, analyzer: Analyzer, knowledge: { stems: ReadonlySet<string>; pairs: ReadonlySet<string> }) {
    this.phrases = file.topics.flatMap((topic) =>
      topic.phrases.flatMap((phrase) => {
        const stems = analyzer.stems(phrase);
        const used = stems.length === 1 ? knowledge.stems.has(stems[0]!) : stemPairs(stems).every((pair) => knowledge.pairs.has(pair));
        if (stems.length === 0 || used) {
          this.ineffective.push({ topic: topic.id, phrase });
          return [];
        }
        return [{ id: topic.id, name: topic.name, stems }];
      }),
    );
  }

  find(stems: readonly string[]): OutOfScopeTopic[] {
    return this.phrases.filter((phrase) =>
      stems.some((_, start) => phrase.stems.every((stem, k) => stems[start + k] === stem)),
    );
  }
}
