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

  /**
   * The detail of the longest phrase found, if any; with `provided`, the longest of those an
   * answer does not give: "how many agents does IAD have in Mexico?" asks where (which the
   * answer says) and how many (which it does not).
   */
  asked(text: string, provided: readonly string[] = []): Detail | undefined {
    const details = this.matcher.find(text).map((match) => match.value);
    return details.find((detail) => !provided.includes(detail.id)) ?? details[0];
  }
}
