import { loadConfig } from '../config';
import { loadKnowledge } from '../content/loadKnowledge';
import { AnswerEngine } from '../engine/answerEngine';
import { runTool } from './cli';
import { evaluate, readEvalSet } from './evaluation';

const EVAL_SET_FILE = 'test/fixtures/eval-questions.yaml';

/** `npm run eval [-- --verbose] [-- --set FILE]`: answer quality on a labelled question set. */
runTool((args) => {
  const setOption = args.indexOf('--set');
  const file = setOption >= 0 ? args[setOption + 1] : EVAL_SET_FILE;
  if (!file) {
    console.error('Usage: npm run eval -- [--verbose] [--set test/fixtures/holdout-questions.yaml]');
    return 2;
  }
  const engine = new AnswerEngine(loadKnowledge(loadConfig().KNOWLEDGE_DIR));
  const report = evaluate(engine, readEvalSet(file));
  const percent = (x: number) => `${(100 * x).toFixed(1)}%`;
  console.log(`in-scope questions:     ${report.inScope}`);
  console.log(`top-1 accuracy:         ${percent(report.top1Accuracy)}`);
  console.log(`top-3 recall:           ${percent(report.top3Recall)}`);
  console.log(`out-of-scope questions: ${report.outOfScope}`);
  console.log(`out-of-scope rejection: ${percent(report.rejectionRate)}`);
  if (args.includes('--verbose')) {
    for (const miss of report.misses) console.log(`MISS  ${miss.question}\n      expected ${miss.expected.join(', ')}; got ${miss.got}`);
    for (const wrong of report.falseAnswers) console.log(`OOS   ${wrong.question}\n      got ${wrong.got}`);
  }
});
