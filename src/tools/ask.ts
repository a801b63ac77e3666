import { join } from 'node:path';
import { loadConfig } from '../config';
import { loadKnowledge } from '../content/loadKnowledge';
import { AnswerEngine } from '../engine/answerEngine';
import { formatResult } from '../engine/formatResult';
import { runTool } from './cli';

/** `npm run ask -- "question"`: the engine's decision and ranked matches, for content authors. */
runTool((args) => {
  const question = args.join(' ');
  if (!question.trim()) {
    console.error('Usage: npm run ask -- "how do I get etrace?"');
    return 2;
  }
  const config = loadConfig();
  const engine = new AnswerEngine(loadKnowledge(config.KNOWLEDGE_DIR), { indexFile: join(config.DATA_DIR, 'index', 'en.json') });
  const smalltalk = engine.smalltalk(question);
  if (smalltalk) console.log(`small talk: ${smalltalk.intent}`);
  console.log(formatResult(engine.ask(question)));
});
