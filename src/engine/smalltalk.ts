import type { SmalltalkFile, SmalltalkIntentName } from '../content/smalltalk';
import type { Analyzer } from './analyzer';

export interface SmalltalkMatch {
  intent: SmalltalkIntentName;
  reply: string;
}

/**
 * A message is small talk when, without filler words ("hi there", "ok thanks so much"),
 * it is exactly one of an intent's phrases, or a run of such phrases ("hello, thanks").
 * Anything more ("hi, what is eTrace?") goes to the answer engine.
 */
export function matchSmalltalk(text: string, smalltalk: SmalltalkFile, analyzer: Analyzer): SmalltalkMatch | undefined {
  const filler = new Set(smalltalk.filler.flatMap((word) => analyzer.words(word)));
  const words = analyzer.words(text).filter((word) => !filler.has(word));
  if (words.length === 0 || words.length > 8) return undefined;

  const phrases = (Object.entries(smalltalk.intents) as [SmalltalkIntentName, SmalltalkFile['intents'][SmalltalkIntentName]][])
    .flatMap(([intent, { phrases }]) => phrases.map((phrase) => ({ intent, words: analyzer.words(phrase).filter((word) => !filler.has(word)) })))
    .filter((phrase) => phrase.words.length > 0)
    .sort((a, b) => b.words.length - a.words.length);

  // Cover the message with phrases; the last intent said wins ("hello ... thanks" is thanks).
  let position = 0;
  let intent: SmalltalkIntentName | undefined;
  while (position < words.length) {
    const phrase = phrases.find((p) => p.words.every((word, k) => words[position + k] === word));
    if (!phrase) return undefined;
    intent = phrase.intent;
    position += phrase.words.length;
  }
  return intent && { intent, reply: smalltalk.intents[intent].reply };
}
