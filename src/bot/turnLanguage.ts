import { localeOfTag, type Locale } from '../content/knowledgeEntry';
import { Analyzer, normalizedWords } from '../engine/analyzer';
import { detectLanguage } from '../engine/detectLanguage';
import { PhraseMatcher } from '../engine/phraseMatcher';

/** A language the bot answers in, and the phrases that ask for it (messages.yaml `language.switch`). */
export interface SpokenLanguage {
  locale: Locale;
  switch: readonly string[];
  /** Whether a message is one of this language's own phrases: its small talk ("hola", "merci"), a request's words ("solicitar asistencia"). */
  recognizes?: (text: string) => boolean;
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
 * (a Spanish question on an English conversation is answered in Spanish); the one language
 * whose own phrase it is (its small talk, "hola", or a request's words, "solicitar
 * asistencia"); the channel's
 * (`activity.locale`, which Teams and Web Chat send) when it has just changed, as the web
 * page's language switch changes it; the one the conversation was last written in, so "ok"
 * or "BATS?" do not change it; the channel's; the default.
 */
export class TurnLanguage {
  private readonly switches: PhraseMatcher<Locale>;
  private readonly locales: Locale[];
  private readonly languages: readonly SpokenLanguage[];

  /** `languages`: the default first. */
  constructor(languages: readonly SpokenLanguage[]) {
    this.locales = languages.map((language) => language.locale);
    this.languages = languages;
    // As written and in a row: "en español" is not "español en".
    this.switches = new PhraseMatcher(
      languages.flatMap(({ locale, switch: phrases }) => phrases.map((phrase) => ({ phrase, value: locale }))),
      new Analyzer(),
      'exact',
    );
  }

  /**
   * `answering`: the message answers a form's question. Answers are names, agencies and
   * descriptions, often in another language than the partner's ("Fiscalía General de la
   * República" on an English form), so only asking for a language changes it there.
   */
  choose(text: string | undefined, channelLocale: string | undefined, remembered: RememberedLanguage, answering = false): TurnLanguageChoice {
    const asked = text === undefined ? undefined : this.askedFor(text);
    if (asked) return { locale: asked, switched: true, remember: true };
    const channel = localeOfTag(channelLocale, this.locales);
    const written = text === undefined || answering ? undefined : detectLanguage(text, this.locales, remembered.language ?? channel);
    if (written) return { locale: written, switched: false, remember: true };
    const recognized = text === undefined || answering ? undefined : this.recognizedLanguage(text);
    if (recognized) return { locale: recognized, switched: false, remember: true };
    const channelChanged = channel !== undefined && remembered.channelLocale !== undefined && remembered.channelLocale !== channelLocale;
    if (channelChanged) return { locale: channel, switched: false, remember: true };
    const locale = remembered.language ?? channel ?? this.locales[0]!;
    return { locale, switched: false, remember: false };
  }

  /** The one language whose own phrase the message is: "hola" is Spanish, "ok" says nothing. */
  private recognizedLanguage(text: string): Locale | undefined {
    const speaking = this.languages.filter((language) => language.recognizes?.(text));
    return speaking.length === 1 ? speaking[0]!.locale : undefined;
  }

  /** The language a message asks for: one of the switch phrases (the longest found), and little else. */
  private askedFor(text: string): Locale | undefined {
    const [longest] = this.switches.find(text);
    return longest && normalizedWords(text).length - longest.length <= SWITCH_SLACK ? longest.value : undefined;
  }
}
