import { join } from 'node:path';
import { knowledgeLocales, loadKnowledge } from './content/loadKnowledge';
import { AnswerEngine } from './engine/answerEngine';
import { EngineSet } from './engine/engineSet';

/**
 * An answer engine per language folder of the knowledge (`en`, `es`, `fr`), English the
 * default; with `dataDir`, each keeps its index in `<dataDir>/index/<locale>.json`. Every
 * folder is loaded and checked before one engine is built, so a content author sees every
 * mistake of every language in one run.
 */
export function loadEngines(knowledgeDir: string, dataDir?: string): EngineSet {
  const knowledge = knowledgeLocales(knowledgeDir).map((locale) => loadKnowledge(knowledgeDir, locale));
  const engines = knowledge.map((k) => new AnswerEngine(k, dataDir === undefined ? {} : { indexFile: join(dataDir, 'index', `${k.locale}.json`) }));
  return new EngineSet(engines, 'en');
}
