import type { DetailFile } from '../content/details';
import type { Analyzer } from './analyzer';
import { PhraseMatcher } from './phraseMatcher';

export interface Detail {
  id: string;
  /** How the bot names it: "what it costs or who pays for it". */
  name: string;
}

/** Which detail a question asks for (a cost, a date...), from knowledge/<locale>/details.yaml. */
export class DetailFinder {
  private readonly matcher: PhraseMatcher<Detail>;

  constructor(file: DetailFile, analyzer: Analyzer, equivalents: (stem: string) => readonly string[]) {
    this.matcher = new PhraseMatcher(
      file.details.flatMap((detail) => detail.phrases.map((phrase) => ({ phrase, value: { id: detail.id, name: detail.name } }))),
      analyzer,
      'words',
      equivalents,
    );
  }

  /** The detail of the longest phrase found, if any. */
  asked(text: string): Detail | undefined {
    return this.matcher.find(text)[0]?.value;
  }
}
