import { join } from 'node:path';
import { loadConfig } from '../config';
import { loadEngines } from '../engines';
import { runTool } from './cli';

/** `npm run build:index`: validates the knowledge and writes the serialized index of each locale that start-up loads. */
runTool(() => {
  const config = loadConfig();
  const engines = loadEngines(config.KNOWLEDGE_DIR, config.DATA_DIR);
  for (const locale of engines.locales) {
    const engine = engines.for(locale);
    const { knowledge } = engine;
    const file = join(config.DATA_DIR, 'index', `${locale}.json`);
    console.log(`${file}: ${engine.indexRebuilt ? 'built' : 'already current'} (${knowledge.entries.length} entries, ${knowledge.passages.length} passages)`);
  }
});
