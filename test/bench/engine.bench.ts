import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { loadKnowledge } from '../../src/content/loadKnowledge';
import { AnswerEngine } from '../../src/engine/answerEngine';
import { readEvalSet } from '../../src/tools/evaluation';

/**
 * `npm run bench`: start-up cost (load, index, intent model) and per-question latency of the
 * answer engine over the eval questions, with the intent phrases and model the turn router
 * also asks, plus heap use. Targets: start < 1.5 s, p99 < 5 ms.
 */
const root = join(__dirname, '..', '..');
const started = performance.now();
const engine = new AnswerEngine(loadKnowledge(join(root, 'knowledge')));
const startupMs = performance.now() - started;

const set = readEvalSet(join(root, 'test', 'fixtures', 'eval-questions.yaml'));
const questions = [...set.in_scope.map((q) => q.q), ...set.out_of_scope];
// What a turn asks of the engine for a question: the answer, the phrases, the model.
const read = (q: string) => {
  engine.ask(q);
  engine.intents.intent(q) ?? engine.intents.guessedIntent(q);
};
for (const q of questions) read(q); // warm-up
const timings: number[] = [];
for (let round = 0; round < 20; round++) {
  for (const q of questions) {
    const t = performance.now();
    read(q);
    timings.push(performance.now() - t);
  }
}
timings.sort((a, b) => a - b);
const at = (p: number) => timings[Math.min(timings.length - 1, Math.floor(p * timings.length))]!.toFixed(2);
const long = 'we seized firearms at the port and need tracing help '.repeat(2000);
const t = performance.now();
read(long);
const longMs = (performance.now() - t).toFixed(1);

console.log(`engine start-up (load, validate, index, intent model): ${startupMs.toFixed(0)} ms`);
console.log(`questions: ${timings.length}  p50 ${at(0.5)} ms  p95 ${at(0.95)} ms  p99 ${at(0.99)} ms  max ${at(1)} ms`);
console.log(`100 KB message: ${longMs} ms`);
console.log(`heap used: ${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(0)} MB, rss ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`);
