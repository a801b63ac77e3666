import { detectAll } from 'tinyld/light';
import type { Locale } from '../content/knowledgeEntry';
import { normalizedWords } from './analyzer';
import { languageOf } from './languages';

/** Below this many letters a message says too little about its language ("ok", "BATS?", "eTrace intl"). */
const MIN_LETTERS = 12;
/** The language found must be this many times likelier than the next: partners mix languages. */
const LEAD = 1.5;
/** A message written in a language uses its function words, this many at least. */
const MIN_FUNCTION_WORDS = 2;

/**
 * The language a message is plainly written in, among `locales`, or undefined when it is
 * too short or too mixed to say ("Bonjour, we need help" is English with a French greeting).
 * tinyld's light model (small, offline, fast enough for every turn) names the language; its
 * function words confirm it, as many as any other language's: keyword messages ("ATF IAD
 * mission statement", "fy2019 ILEA classes number") have none and say nothing of their language.
 * `current`, the conversation's language, is kept unless the message uses more of the found
 * language's function words than of its own.
 */
export function detectLanguage(text: string, locales: readonly Locale[], current?: Locale): Locale | undefined {
  const letters = text.replace(/[^\p{L}]/gu, '').length;
  if (letters < MIN_LETTERS) return undefined;
  const [first, second] = detectAll(text, { only: [...locales] });
  if (!first || (second && first.accuracy < LEAD * second.accuracy)) return undefined;
  const found = locales.find((locale) => locale === first.lang);
  if (!found) return undefined;
  const words = normalizedWords(text);
  const functionWords = (locale: Locale) => words.filter((word) => languageOf(locale).functionWords.has(word)).length;
  const count = functionWords(found);
  if (count < MIN_FUNCTION_WORDS || locales.some((other) => functionWords(other) > count)) return undefined;
  // Away from the conversation's language only on more of the found language's function words
  // than its own: French and Spanish share "la", "de", "a", and a tie keeps the conversation's.
  return current !== undefined && current !== found && functionWords(current) >= count ? undefined : found;
}
