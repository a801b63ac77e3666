import type { SmalltalkFile, SmalltalkIntentName } from '../content/smalltalk';
import type { Analyzer } from './analyzer';

export interface SmalltalkMatch {
  intent: SmalltalkIntentName;
  reply: string;
}

/**
 * A message is small talk when, without filler words ("hi there", "ok thanks so much"),
 * it is exactly one of an intent's phrases, or a run of such phrases ("hello, thanks").
 * Anything more ("hi, what is eTrace?") goes to the answer engine. Phrases are analyzed
 * once, here, not on every message.
 */
export class SmalltalkMatcher {
  private readonly filler: ReadonlySet<string>;
  private readonly phrases: { intent: SmalltalkIntentName; words: string[] }[];

  constructor(
    private readonly smalltalk: SmalltalkFile,
    private readonly analyzer: Analyzer,
  ) {
    this.filler = new Set(smalltalk.filler.flatMap((word) => analyzer.words(word)));
    this.phrases = (Object.entries(smalltalk.intents) as [SmalltalkIntentName, SmalltalkFile['intents'][SmalltalkIntentName]][])
      .flatMap(([intent, { phrases }]) => phrases.map((phrase) => ({ intent, words: this.content(phrase) })))
      .filter((phrase) => phrase.words.length > 0)
      .sort((a, b) => b.words.length - a.words.length);
  }

  match(text: string): SmalltalkMatch | undefined {
    const words = this.content(text);
    if (words.length === 0 || words.length > 8) return undefined;
    // Cover the message with phrases; the last intent said wins ("hello ... thanks" is thanks).
    let position = 0;
    let intent: SmalltalkIntentName | undefined;
    while (position < words.length) {
      const phrase = this.phrases.find((p) => p.words.every((word, k) => words[position + k] === word));
      if (!phrase) return undefined;
      intent = phrase.intent;
      position += phrase.words.length;
    }
    return intent && { intent, reply: this.smalltalk.intents[intent].reply };
  }

  private content(text: string): string[] {
    return this.analyzer.words(text).filter((word) => !this.filler.has(word));
  }
}
