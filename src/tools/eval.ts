import { join } from 'node:path';
import { loadConfig } from '../config';
import { loadKnowledge } from '../content/loadKnowledge';
import { AnswerEngine } from '../engine/answerEngine';
import { runTool } from './cli';
import { EVAL_SET_FILES, evaluate, readEvalSet, type EvalReport, type EvalSet } from './evaluation';

/**
 * `npm run eval [-- --verbose] [-- --set FILE]`: answer quality on the labelled question
 * sets (each file, then all together), or on one given file.
 */
runTool((args) => {
  const setOption = args.indexOf('--set');
  const files = setOption >= 0 ? [args[setOption + 1]] : EVAL_SET_FILES.map((name) => join('test', 'fixtures', name));
  if (files.some((file) => !file)) {
    console.error('Usage: npm run eval -- [--verbose] [--set test/fixtures/eval-questions.yaml]');
    return 2;
  }
  const engine = new AnswerEngine(loadKnowledge(loadConfig().KNOWLEDGE_DIR));
  const sets = files.map((file) => ({ file: file!, set: readEvalSet(file!) }));
  const verbose = args.includes('--verbose');
  for (const { file, set } of sets) print(file, evaluate(engine, set), verbose);
  if (sets.length > 1) {
    const all: EvalSet = { in_scope: sets.flatMap((s) => s.set.in_scope), out_of_scope: sets.flatMap((s) => s.set.out_of_scope) };
    print('all sets', evaluate(engine, all), false);
  }
});

function print(name: string, report: EvalReport, verbose: boolean): void {
  const percent = (x: number) => `${(100 * x).toFixed(1)}%`;
  console.log(`${name}`);
  console.log(`  in scope: ${report.inScope}  top-1 ${percent(report.top1Accuracy)}  top-3 ${percent(report.top3Recall)}`);
  console.log(`  out of scope: ${report.outOfScope}  rejected ${percent(report.rejectionRate)}`);
  if (!verbose) return;
  for (const miss of report.misses) console.log(`  MISS ${miss.question}\n       expected ${miss.expected.join(', ')}; got ${miss.got}`);
  for (const wrong of report.falseAnswers) console.log(`  OOS  ${wrong.question}\n       got ${wrong.got}`);
}
