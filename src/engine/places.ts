import type { PlaceFile } from '../content/places';
import { normalizedWords, type Analyzer } from './analyzer';
import { PhraseMatcher } from './phraseMatcher';

export interface Place {
  id: string;
  name: string;
  /** The program information names this place itself. */
  named: boolean;
  /** ATF's own country (places.yaml `home`). */
  home: boolean;
  /** The named place it lies in, if any. */
  region?: Place;
}

/** Finds the places a message names, from the gazetteer (knowledge/<locale>/places.yaml). */
export class PlaceFinder {
  private readonly matcher: PhraseMatcher<Place>;
  private readonly file: PlaceFile;
  private readonly presenceStems: ReadonlySet<string>;
  /** Presence words that are stop words, so no question ever shows them: knowledge:check reports them. */
  readonly unseenPresenceWords: readonly string[];

  constructor(file: PlaceFile, analyzer: Analyzer) {
    this.file = file;
    this.presenceStems = new Set(file.presenceWords.flatMap((word) => analyzer.stems(word)));
    this.unseenPresenceWords = file.presenceWords.filter((word) => analyzer.stems(word).length === 0);
    const byId = new Map<string, Place>();
    for (const place of file.places) byId.set(place.id, { id: place.id, name: place.name, named: place.named, home: place.home });
    for (const place of file.places) if (place.in) byId.get(place.id)!.region = byId.get(place.in);
    this.matcher = new PhraseMatcher(
      file.places.flatMap((place) => place.words.map((phrase) => ({ phrase, value: byId.get(place.id)! }))),
      analyzer,
      'sequence',
    );
  }

  /** Each place named once, in reading order; "Port of Spain" is Trinidad, not Spain. */
  find(text: string): Place[] {
    const places = this.matcher.findSeparate(text).sort((a, b) => a.position - b.position).map((match) => match.value);
    return places.filter((place, i) => places.indexOf(place) === i);
  }

  /** The words of the place names found in a message ("port", "of", "spain" for Port of Spain). */
  wordsIn(text: string): Set<string> {
    return new Set(this.matcher.findSeparate(text).flatMap((match) => normalizedWords(match.phrase)));
  }

  /**
   * A message that names a place (`placeWords`, from `wordsIn`) and a word of presence, and of
   * what the knowledge knows only such words ("ATF in Mexico yes or no", "Europe office?"),
   * asks whether IAD is there. `asked` are its other words; those the knowledge does not know
   * ("Goedemiddag") say nothing either way.
   */
  asksPresence(placeWords: ReadonlySet<string>, asked: readonly { stem: string; known: boolean }[]): boolean {
    if (placeWords.size === 0 || !asked.some((word) => this.presenceStems.has(word.stem))) return false;
    return asked.every((word) => !word.known || this.presenceStems.has(word.stem));
  }

  /**
   * Synonym groups of the places the program information names: "Holland" and "Dutch" are
   * "the Netherlands". Other places are not made synonyms of their region: naming Trinidad in
   * a question about a gun trace does not make it a question about the Caribbean.
   */
  synonymGroups(): string[][] {
    return this.file.places.filter((place) => place.named).map((place) => place.words);
  }
}
