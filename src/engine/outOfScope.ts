import type { OutOfScopeFile } from '../content/outOfScope';
import type { Analyzer } from './analyzer';
import type { OutOfScopeTopic } from './decide';
import { PhraseMatcher } from './phraseMatcher';
import { stemPairs } from './searchUnits';

/**
 * Finds the declared out-of-scope topics a question names, by phrase on stems (its words close
 * together, in any order: "recommend a good pistol" names "recommend a pistol"), and by exact
 * wording where function words matter. A phrase the knowledge itself uses (a word of it,
 * or all its word pairs, such as "own a gun", whose "own" is a stop word, leaving "gun"), or
 * a wording found in the knowledge's own text, would decline in-scope questions, so it is
 * set aside and reported by `npm run knowledge:check`; so is a phrase that analysis leaves
 * too vague: numbers only, or one stem of two letters.
 */
export class OutOfScopeDetector {
  private readonly matcher: PhraseMatcher<OutOfScopeTopic>;
  private readonly wordings: PhraseMatcher<OutOfScopeTopic>;
  /** Phrases set aside: `used` by the knowledge itself, or `vague` once analysed. */
  readonly ineffective: { topic: string; phrase: string; why: 'used' | 'vague' }[] = [];

  constructor(file: OutOfScopeFile, analyzer: Analyzer, knowledge: { stems: ReadonlySet<string>; pairs: ReadonlySet<string>; texts: readonly string[] }) {
    const phrases = file.topics.flatMap((topic) =>
      topic.phrases.flatMap((phrase) => {
        const stems = analyzer.stems(phrase);
        const used = stems.length === 1 ? knowledge.stems.has(stems[0]!) : stemPairs(stems).every((pair) => knowledge.pairs.has(pair));
        // Left with numbers only ("K9" reads as "9"), a phrase would decline any question with
        // that number; left with one stem of two letters ("sued" is "su"), every Spanish "su".
        const tooVague = stems.every((stem) => /^\d+$/.test(stem)) || (stems.length === 1 && stems[0]!.length <= 2);
        if (stems.length === 0 || used || tooVague) {
          this.ineffective.push({ topic: topic.id, phrase, why: used ? 'used' : 'vague' });
          return [];
        }
        return [{ phrase, value: { id: topic.id, name: topic.name, stems, trainingSubject: topic.trainingSubject, assistanceSubject: topic.assistanceSubject } }];
      }),
    );
    this.matcher = new PhraseMatcher(phrases, analyzer, 'words');
    const wordings = file.topics.flatMap((topic) => topic.wordings.map((phrase) => ({ phrase, value: { id: topic.id, name: topic.name, stems: analyzer.stems(phrase), worded: true, trainingSubject: topic.trainingSubject } })));
    const used = new Set(texts(knowledge.texts, new PhraseMatcher(wordings, analyzer, 'phrase')));
    this.ineffective.push(...wordings.filter((w) => used.has(w.phrase)).map((w) => ({ topic: w.value.id, phrase: w.phrase, why: 'used' as const })));
    this.wordings = new PhraseMatcher(
      wordings.filter((w) => !used.has(w.phrase)),
      analyzer,
      'phrase',
    );
  }

  find(text: string): OutOfScopeTopic[] {
    return [...this.wordings.find(text), ...this.matcher.find(text)].map((match) => match.value);
  }
}

/** The wordings that some text of the knowledge itself contains. */
function texts(knowledgeTexts: readonly string[], matcher: PhraseMatcher<OutOfScopeTopic>): string[] {
  return knowledgeTexts.flatMap((text) => matcher.find(text).map((match) => match.phrase));
}
