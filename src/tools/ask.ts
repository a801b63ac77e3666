import { loadConfig } from '../config';
import { loadEngines } from '../engines';
import { formatResult } from '../engine/formatResult';
import { runTool } from './cli';

/** `npm run ask -- [--locale es] "question"`: the engine's decision and ranked matches, for content authors. */
runTool((args) => {
  const localeOption = args.indexOf('--locale');
  const locale = localeOption >= 0 ? args[localeOption + 1] : 'en';
  const question = args.filter((_, i) => localeOption < 0 || (i !== localeOption && i !== localeOption + 1)).join(' ');
  const config = loadConfig();
  const engines = loadEngines(config.KNOWLEDGE_DIR, config.DATA_DIR);
  if (!question.trim() || engines.supported(locale) === undefined) {
    console.error(`Usage: npm run ask -- [--locale ${engines.locales.join('|')}] "how do I get etrace?"`);
    return 2;
  }
  const engine = engines.for(locale);
  const smalltalk = engine.smalltalk(question);
  if (smalltalk) console.log(`small talk: ${smalltalk.intent}`);
  console.log(formatResult(engine.ask(question)));
});
