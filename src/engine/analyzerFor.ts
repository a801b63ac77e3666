import { nld } from 'stopword';
import type { KnowledgeBase } from '../content/loadKnowledge';
import { Analyzer, normalizedWords } from './analyzer';
import { languageOf } from './languages';

/**
 * Function words of the languages partners mix into English questions ("contra el tráfico
 * de armas", "formation pour la police"), from the `stopword` package: short, conservative
 * lists (articles, pronouns, prepositions), unlike exhaustive lists that also drop words
 * such as "abroad" or "buy".
 */
const generalStopWords: readonly string[] = [...(['en', 'es', 'fr'] as const).flatMap((locale) => [...languageOf(locale).functionWords]), ...nld.flatMap((word) => normalizedWords(word))];

/**
 * The analyzer for a knowledge base, in its language: that language's stemmer and stop words,
 * the general lists above and the knowledge's own (`stopwords.yaml`). Any word the knowledge names as a topic (a title,
 * a tag or a one-word synonym) is kept, so "es" or "la" never hide a topic word.
 */
export function analyzerFor(knowledge: Pick<KnowledgeBase, 'locale' | 'entries' | 'synonyms' | 'stopWords'>): Analyzer {
  // Words of multi-word synonyms ("arma de fuego") are not protected: "de" stays a stop word.
  const singleWordSynonyms = knowledge.synonyms.groups.flat().filter((term) => normalizedWords(term).length === 1);
  const topicWords = new Set(normalizedWords([...knowledge.entries.flatMap((e) => [e.title, ...e.tags]), ...singleWordSynonyms].join('\n')));
  return new Analyzer([...knowledge.stopWords, ...generalStopWords.filter((word) => !topicWords.has(word))], languageOf(knowledge.locale));
}
