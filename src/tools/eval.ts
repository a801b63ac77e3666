import { join } from 'node:path';
import { loadConfig } from '../config';
import { loadKnowledge } from '../content/loadKnowledge';
import { AnswerEngine } from '../engine/answerEngine';
import { evaluateBlindSet } from '../evaluation/blindEvaluation';
import { mergeBlindSets, readBlindSet } from '../evaluation/blindSet';
import { localBot } from '../evaluation/localBot';
import { formatBlindReport } from '../evaluation/printReport';
import { loadForms } from '../forms/loadForms';
import { runTool } from './cli';
import { EVAL_SET_FILES, evaluate, readEvalSet, type EvalReport, type EvalSet } from './evaluation';

/**
 * `npm run eval [-- --verbose] [-- --set FILE]`: answer quality on the labelled question
 * sets (each file, then all together), or on one given file.
 * `npm run eval -- --blind FILE... [--verbose]`: blind sets put to the whole bot, as partners would.
 */
runTool(async (args) => {
  if (args.includes('--blind')) return blind(args.filter((arg) => arg !== '--blind' && arg !== '--verbose'), args.includes('--verbose'));
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

async function blind(files: string[], verbose: boolean): Promise<number> {
  if (files.length === 0) {
    console.error('Usage: npm run eval -- --blind test/fixtures/blind/FILE.yaml... [--verbose]');
    return 2;
  }
  const config = loadConfig();
  const engine = new AnswerEngine(loadKnowledge(config.KNOWLEDGE_DIR));
  const bot = localBot(engine, loadForms(config.DIALOGS_DIR));
  const sets = files.map((file) => ({ file, set: readBlindSet(file) }));
  for (const { file, set } of sets) console.log(formatBlindReport(file, await evaluateBlindSet(bot, set), verbose).join('\n'));
  if (sets.length > 1) console.log(formatBlindReport('all sets', await evaluateBlindSet(bot, mergeBlindSets(sets.map((s) => s.set))), false).join('\n'));
  return 0;
}

function print(name: string, report: EvalReport, verbose: boolean): void {
  const percent = (x: number) => `${(100 * x).toFixed(1)}%`;
  console.log(`${name}`);
  console.log(`  in scope: ${report.inScope}  top-1 ${percent(report.top1Accuracy)}  top-3 ${percent(report.top3Recall)}`);
  console.log(`  out of scope: ${report.outOfScope}  rejected ${percent(report.rejectionRate)}`);
  if (!verbose) return;
  for (const miss of report.misses) console.log(`  MISS ${miss.question}\n       expected ${miss.expected.join(', ')}; got ${miss.got}`);
  for (const wrong of report.falseAnswers) console.log(`  OOS  ${wrong.question}\n       got ${wrong.got}`);
}
