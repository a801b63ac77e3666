import { join } from 'node:path';
import { expect } from 'chai';
import { evaluate, readEvalSet } from '../../src/tools/evaluation';
import { realEngine } from '../helpers';

/**
 * Answer quality on the labelled set in test/fixtures (written apart from the entries'
 * alternate questions). The product target is 95% top-1 and 95% rejection; top-1 is not
 * there yet, so this floor guards what has been reached while retrieval improves.
 */
const MIN_TOP1 = 0.88;
const MIN_REJECTION = 0.95;

describe('engine quality (npm run eval)', () => {
  const set = readEvalSet(join(__dirname, '..', 'fixtures', 'eval-questions.yaml'));
  const report = evaluate(realEngine().engine, set);

  it('has a realistic labelled set: 120+ in scope, 30+ out of scope, only real entry ids', () => {
    expect(set.in_scope.length).to.be.at.least(120);
    expect(set.out_of_scope.length).to.be.at.least(30);
    const ids = new Set(realEngine().knowledge.entries.map((e) => e.id));
    for (const { expect: expected } of set.in_scope) for (const id of expected) expect(ids.has(id), id).to.equal(true);
  });

  it(`answers in-scope questions with the right entry first (>= ${MIN_TOP1 * 100}%)`, () => {
    expect(report.top1Accuracy, report.misses.map((m) => `${m.question} -> ${m.got}`).join('\n')).to.be.at.least(MIN_TOP1);
  });

  it(`falls back on out-of-scope questions (>= ${MIN_REJECTION * 100}%)`, () => {
    expect(report.rejectionRate, report.falseAnswers.map((m) => `${m.question} -> ${m.got}`).join('\n')).to.be.at.least(MIN_REJECTION);
  });
});
