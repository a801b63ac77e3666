import { join } from 'node:path';
import { loadConfig } from '../config';
import { loadKnowledge } from '../content/loadKnowledge';
import { AnswerEngine } from '../engine/answerEngine';
import { runTool } from './cli';

/** `npm run build:index`: validates the knowledge and writes the serialized index that start-up loads. */
runTool(() => {
  const config = loadConfig();
  const knowledge = loadKnowledge(config.KNOWLEDGE_DIR);
  const file = join(config.DATA_DIR, 'index', `${knowledge.locale}.json`);
  const engine = new AnswerEngine(knowledge, { indexFile: file });
  console.log(`${file}: ${engine.indexRebuilt ? 'built' : 'already current'} (${knowledge.entries.length} entries, ${knowledge.passages.length} passages)`);
});
