import lunr from 'lunr';
import stemmerSupport from 'lunr-languages/lunr.stemmer.support';
import lunrSpanish from 'lunr-languages/lunr.es';
import lunrFrench from 'lunr-languages/lunr.fr';
import { eng, fra, spa } from 'stopword';
import type { Locale } from '../content/knowledgeEntry';
import { wordsOf, type WordList } from './dictionary';

stemmerSupport(lunr);
lunrSpanish(lunr);
lunrFrench(lunr);

/** Lunr's language plugins add a namespace per language with its stemmer and stop-word filter. */
type PipelineFunction = (token: lunr.Token) => lunr.Token | undefined;
const plugins = lunr as unknown as Record<'es' | 'fr', { stemmer: PipelineFunction; stopWordFilter: PipelineFunction }>;

/**
 * How the words of one language are analysed: its stemmer, its stop words, and the words
 * that are real words of the language (a real word absent from the knowledge is a topic the
 * knowledge does not cover, never a typo to correct). Accents are folded before a word gets
 * here, so a word written with or without them stems the same.
 */
export interface Language {
  locale: Locale;
  stem(word: string): string;
  isStopWord(word: string): boolean;
  dictionary(): ReadonlySet<string>;
  /**
   * Its function words (articles, pronouns, prepositions: the `stopword` package's short list,
   * accents folded): what shows a message is written in it, and what other languages' analyzers
   * drop when partners mix it in.
   */
  functionWords: ReadonlySet<string>;
}

/** Accents folded and lowercase, as `normalizedWords` reads a message (not imported: the analyzer imports this file). */
const folded = (words: readonly string[]) => new Set(words.map((word) => word.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase()));

const english: Language = {
  locale: 'en',
  // British -ise/-yse spellings stem like the American ones ("organisations", "analyse").
  stem: (word) => lunr.stemmer(new lunr.Token(word.replace(/([iy])s(e|ed|es|ing|ation|ations)$/, '$1z$2'), {})).toString(),
  isStopWord: (word) => lunr.stopWordFilter(new lunr.Token(word, {})) === undefined,
  dictionary: () => wordsOf('word-list' satisfies WordList),
  functionWords: folded(eng),
};

function snowball(locale: 'es' | 'fr', words: WordList, functionWords: readonly string[]): Language {
  const plugin = plugins[locale];
  return {
    locale,
    stem: (word) => plugin.stemmer(new lunr.Token(word, {}))!.toString(),
    isStopWord: (word) => plugin.stopWordFilter(new lunr.Token(word, {})) === undefined,
    dictionary: () => wordsOf(words),
    functionWords: folded(functionWords),
  };
}

const LANGUAGES: Record<Locale, Language> = {
  en: english,
  es: snowball('es', 'an-array-of-spanish-words', spa),
  fr: snowball('fr', 'an-array-of-french-words', fra),
};

export function languageOf(locale: Locale): Language {
  return LANGUAGES[locale];
}

export const ENGLISH = english;
