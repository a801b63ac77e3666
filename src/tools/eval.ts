import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../config';
import { loadKnowledge } from '../content/loadKnowledge';
import { AnswerEngine } from '../engine/answerEngine';
import { evaluateBlindSet, type JudgeHelp } from '../evaluation/blindEvaluation';
import { byLocale, mergeBlindSets, readBlindSet } from '../evaluation/blindSet';
import { localBot } from '../evaluation/localBot';
import { loadEngines } from '../engines';
import { detectLanguage } from '../engine/detectLanguage';
import { formatBlindReport } from '../evaluation/printReport';
import { loadForms } from '../forms/loadForms';
import { runTool } from './cli';
import { diffOutcomes, formatChanges, OUTCOMES_FILE, outcomesOf, readOutcomes, writeOutcomes } from './evalOutcomes';
import { EVAL_SET_FILES, evaluate, mergeEvalSets, readEvalSet, type EvalReport } from './evaluation';
import { formatLooReport, leaveOneOut } from './leaveOneOut';

/**
 * `npm run eval [-- --verbose] [-- --set FILE]`: answer quality on the labelled question
 * sets (each file, then all together), or on one given file.
 * `npm run eval -- --blind FILE... [--verbose]`: blind sets put to the whole bot, as partners would.
 * `npm run eval -- --loo`: each entry's alternate questions asked of an engine built without them.
 * `npm run eval -- --record`: records every question's outcome for the quality test (test/fixtures/eval-outcomes.json).
 */
runTool(async (args) => {
  if (args.includes('--loo')) return looCommand();
  if (args.includes('--record')) return record();
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
    print('all sets', evaluate(engine, mergeEvalSets(sets.map((s) => s.set))), false);
  }
});

/** One engine build per alternate question: seconds, not the milliseconds of an eval run. */
function looCommand(): number {
  const knowledge = loadKnowledge(loadConfig().KNOWLEDGE_DIR);
  console.log(formatLooReport(leaveOneOut(knowledge, (k) => new AnswerEngine(k))).join('\n'));
  return 0;
}

/** Re-records every question's outcome, printing what changed since the last recording so the author sees what they accept. */
function record(): number {
  const file = join('test', 'fixtures', OUTCOMES_FILE);
  const engine = new AnswerEngine(loadKnowledge(loadConfig().KNOWLEDGE_DIR));
  const all = mergeEvalSets(EVAL_SET_FILES.map((name) => readEvalSet(join('test', 'fixtures', name))));
  const outcomes = outcomesOf(engine, all);
  const changes = existsSync(file) ? diffOutcomes(readOutcomes(file), outcomes) : [];
  writeOutcomes(file, outcomes);
  console.log(`${file}: ${Object.keys(outcomes).length} questions recorded, ${changes.length} changed since the last recording`);
  for (const line of formatChanges(changes, all)) console.log(`  ${line}`);
  return 0;
}

async function blind(files: string[], verbose: boolean): Promise<number> {
  if (files.length === 0) {
    console.error('Usage: npm run eval -- --blind test/fixtures/blind/FILE.yaml... [--verbose]');
    return 2;
  }
  const config = loadConfig();
  const engines = loadEngines(config.KNOWLEDGE_DIR);
  const bot = localBot(engines, loadForms(config.DIALOGS_DIR));
  const english = engines.for('en');
  const help: JudgeHelp = {
    englishText: (entryId) => {
      const entry = english.entry(entryId);
      return entry && `${entry.title}\n${entry.answer}`;
    },
    languageOf: (text) => detectLanguage(text, engines.locales),
  };
  const sets = files.map((file) => ({ file, set: readBlindSet(file) }));
  for (const { file, set } of sets) console.log(formatBlindReport(file, await evaluateBlindSet(bot, set, help), verbose).join('\n'));
  const groups = byLocale(sets);
  for (const [locale, group] of groups) {
    if (group.length < 2) continue;
    const name = groups.size > 1 ? `all sets (${locale})` : 'all sets';
    console.log(formatBlindReport(name, await evaluateBlindSet(bot, mergeBlindSets(group.map((s) => s.set)), help), false).join('\n'));
  }
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
