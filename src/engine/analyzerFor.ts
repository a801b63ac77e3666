import { readFileSync } from 'node:fs';
import type { KnowledgeBase } from '../content/loadKnowledge';
import { Analyzer, normalizedWords } from './analyzer';

/** Languages whose function words partners mix into English questions ("contra el tráfico de armas"). */
const GENERAL_STOP_WORD_LANGUAGES = ['en', 'es', 'fr', 'nl'] as const;

let generalStopWords: readonly string[] | undefined;

/**
 * The analyzer for a knowledge base. Besides the knowledge's own stop words it drops the
 * general-purpose words of the `stopwords-iso` lists ("even", "exactly", "anyone", "el",
 * "pour"), which say nothing about a topic but would otherwise count against a question's
 * coverage. Any word the knowledge names as a topic (a title, tag or synonym word) is kept.
 */
export function analyzerFor(knowledge: Pick<KnowledgeBase, 'entries' | 'synonyms' | 'stopWords'>): Analyzer {
  generalStopWords ??= loadGeneralStopWords();
  // Words of multi-word synonyms ("arma de fuego") are not protected: "de" stays a stop word.
  const singleWordSynonyms = knowledge.synonyms.groups.flat().filter((term) => normalizedWords(term).length === 1);
  const topicWords = new Set(normalizedWords([...knowledge.entries.flatMap((e) => [e.title, ...e.tags]), ...singleWordSynonyms].join('\n')));
  return new Analyzer([...knowledge.stopWords, ...generalStopWords.filter((word) => !topicWords.has(word))]);
}

function loadGeneralStopWords(): string[] {
  const lists = JSON.parse(readFileSync(require.resolve('stopwords-iso/stopwords-iso.json'), 'utf8')) as Record<string, string[]>;
  return GENERAL_STOP_WORD_LANGUAGES.flatMap((language) => lists[language] ?? []).flatMap((word) => normalizedWords(word));
}
