import type { Locale } from '../content/knowledgeEntry';
import { normalizedWords } from '../engine/analyzer';
import { detectLanguage } from '../engine/detectLanguage';

/** A language the bot answers in, and the phrases that ask for it (messages.yaml `language.switch`). */
export interface SpokenLanguage {
  locale: Locale;
  switch: readonly string[];
}

/** Besides its switch phrase, a message asking for a language holds at most this many words ("por favor"). */
const SWITCH_SLACK = 2;

export interface TurnLanguageChoice {
  locale: Locale;
  /** The partner asked for this language ("en español", "English please"). */
  switched: boolean;
  /** To remember for the next turns: asked for, or plainly written in. */
  remember: boolean;
}

/** What the conversation remembers of its language (conversationMemory.ts). */
export interface RememberedLanguage {
  language?: Locale;
  /** The channel's locale at the last turn: a change is the partner's choice (the web page's switch). */
  channelLocale?: string;
}

/**
 * The language a turn is answered in, decided once per turn, in order: the language the
 * partner asks for ("en français s'il vous plaît"); the one the message is plainly written in
 * (a Spanish question on an English conversation is answered in Spanish); the channel's
 * (`activity.locale`, which Teams and Web Chat send) when it has just changed, as the web
 * page's language switch changes it; the one the conversation was last written in, so "ok"
 * or "BATS?" do not change it; the channel's; the default.
 */
export class TurnLanguage {
  private readonly switches: { locale: Locale; words: string[] }[];
  private readonly locales: Locale[];

  /** `languages`: the default first. */
  constructor(languages: readonly SpokenLanguage[]) {
    this.locales = languages.map((language) => language.locale);
    this.switches = languages.flatMap(({ locale, switch: phrases }) => phrases.map((phrase) => ({ locale, words: normalizedWords(phrase) })));
  }

  choose(text: string | undefined, channelLocale: string | undefined, remembered: RememberedLanguage): TurnLanguageChoice {
    const asked = text === undefined ? undefined : this.askedFor(text);
    if (asked) return { locale: asked, switched: true, remember: true };
    const written = text === undefined ? undefined : detectLanguage(text, this.locales);
    if (written) return { locale: written, switched: false, remember: true };
    const channel = this.supported(channelLocale);
    const channelChanged = channel !== undefined && remembered.channelLocale !== undefined && remembered.channelLocale !== channelLocale;
    if (channelChanged) return { locale: channel, switched: false, remember: true };
    const locale = remembered.language ?? channel ?? this.locales[0]!;
    return { locale, switched: false, remember: false };
  }

  /** "es-MX" is "es", when answered. */
  private supported(channelLocale: string | undefined): Locale | undefined {
    const language = (channelLocale ?? '').toLowerCase().split(/[-_]/)[0];
    return this.locales.find((locale) => locale === language);
  }

  /** The language a message asks for: one of the switch phrases, and little else. */
  private askedFor(text: string): Locale | undefined {
    const words = normalizedWords(text);
    if (words.length === 0) return undefined;
    const found = this.switches
      .filter((phrase) => phrase.words.length > 0 && words.length - phrase.words.length <= SWITCH_SLACK && containsRun(words, phrase.words))
      .sort((a, b) => b.words.length - a.words.length)[0];
    return found?.locale;
  }
}

function containsRun(words: readonly string[], run: readonly string[]): boolean {
  for (let start = 0; start + run.length <= words.length; start++) if (run.every((word, k) => words[start + k] === word)) return true;
  return false;
}
