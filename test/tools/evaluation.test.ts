import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { loadKnowledge, type KnowledgeBase } from '../../src/content/loadKnowledge';
import { AnswerEngine } from '../../src/engine/answerEngine';
import { diffOutcomes, formatChanges, outcomesOf, readOutcomes, writeOutcomes, type OutcomeChange, type Outcomes } from '../../src/tools/evalOutcomes';
import type { EvalSet } from '../../src/tools/evaluation';
import { formatLooReport, leaveOneOut, type LooReport } from '../../src/tools/leaveOneOut';
import { KNOWLEDGE_DIR, tempDir } from '../helpers';

/**
 * The three entries of test/fixtures/tiny, laid over a copy of the real knowledge folder: the
 * fixture's entries, page and word lists decide every result, while the retrieval settings and
 * the wording come from knowledge/, so a change of their format needs no second copy here.
 */
function tinyKnowledge(): KnowledgeBase {
  const root = join(tempDir('tiny'), 'knowledge');
  cpSync(KNOWLEDGE_DIR, root, { recursive: true });
  rmSync(join(root, 'en', 'entries'), { recursive: true });
  rmSync(join(root, 'sources'), { recursive: true });
  cpSync(join(__dirname, '..', 'fixtures', 'tiny'), root, { recursive: true });
  return loadKnowledge(root);
}

describe('tools/leaveOneOut', () => {
  const knowledge = tinyKnowledge();
  const questionsBefore = knowledge.entries.map((e) => [...e.questions]);
  const report = leaveOneOut(knowledge, (k) => new AnswerEngine(k));
  const missed = (question: string) => report.misses.some((m) => m.question === question);

  const cases: [question: string, entry: string, found: boolean][] = [
    ['how do we trace a seized firearm', 'etrace', true],
    ['what training courses does ATF teach', 'training', true],
    // Its words are another entry's topic: found only because it is listed.
    ['can ATF show our officers how to use etrace', 'training', false],
  ];
  for (const [question, entry, found] of cases) {
    it(`${found ? 'finds' : 'misses'} ${entry} for "${question}" when it is left out`, () => {
      expect(missed(question), JSON.stringify(report.misses)).to.equal(!found);
      if (!found) expect(report.misses.find((m) => m.question === question)?.entry).to.equal(entry);
    });
  }

  it('counts every alternate question once, per entry and overall', () => {
    expect(report.entries.map((e) => e.id)).to.deep.equal(['etrace', 'training', 'laboratory']);
    for (const e of report.entries) expect(e.found, e.id).to.equal(e.questions - report.misses.filter((m) => m.entry === e.id).length);
    expect(report.questions).to.equal(15);
    expect(report.rate).to.equal(report.found / 15);
  });

  it('leaves the knowledge it was given as it was', () => {
    expect(knowledge.entries.map((e) => e.questions)).to.deep.equal(questionsBefore);
  });

  it('prints the rate, the entries from the worst found, then each miss with what the bot did instead', () => {
    const made: LooReport = {
      questions: 4,
      found: 3,
      rate: 0.75,
      entries: [
        { id: 'etrace', questions: 2, found: 2, rate: 1 },
        { id: 'training', questions: 2, found: 1, rate: 0.5 },
      ],
      misses: [{ question: 'can ATF show our officers how to use etrace', entry: 'training', got: 'answer etrace' }],
    };
    const lines = formatLooReport(made);
    expect(lines[0]).to.contain('3/4').and.contain('75.0%');
    expect(lines.findIndex((l) => l.endsWith('training'))).to.be.below(lines.findIndex((l) => l.endsWith('etrace')));
    expect(lines.at(-1)).to.equal('  "can ATF show our officers how to use etrace" (training) -> answer etrace');
  });
});

describe('tools/evalOutcomes', () => {
  const set: EvalSet = {
    in_scope: [
      { q: 'what is etrace', expect: ['etrace'] },
      { q: 'forensic laboratory access', expect: ['laboratory'] },
    ],
    out_of_scope: ['what is the weather forecast', 'asdfgh qwerty'],
  };

  it("records each question's outcome, in-scope then out-of-scope, in the order of the set", () => {
    expect(outcomesOf(new AnswerEngine(tinyKnowledge()), set)).to.deep.equal({
      'what is etrace': 'answer etrace',
      'forensic laboratory access': 'answer laboratory',
      'what is the weather forecast': 'fallback: out of scope (weather)',
      'asdfgh qwerty': 'fallback',
    });
  });

  const before: Outcomes = { 'what is etrace': 'answer etrace', 'forensic laboratory access': 'answer laboratory', 'asdfgh qwerty': 'fallback', 'a removed question': 'fallback' };
  const diffs: [name: string, after: Outcomes, changes: OutcomeChange[]][] = [
    ['nothing when every outcome is the same', { ...before }, []],
    [
      'a question whose outcome changed, from what to what',
      { ...before, 'forensic laboratory access': 'did you mean etrace | laboratory' },
      [{ question: 'forensic laboratory access', was: 'answer laboratory', now: 'did you mean etrace | laboratory' }],
    ],
    ['a question the recording lacks, with no former outcome', { ...before, 'what is the weather forecast': 'fallback' }, [{ question: 'what is the weather forecast', now: 'fallback' }]],
    ['a new question that is also a name every object has', { ...before, constructor: 'fallback' }, [{ question: 'constructor', now: 'fallback' }]],
    [
      'questions no longer in the sets, after the others',
      { 'what is the weather forecast': 'fallback', 'what is etrace': 'answer laboratory' },
      [
        { question: 'what is the weather forecast', now: 'fallback' },
        { question: 'what is etrace', was: 'answer etrace', now: 'answer laboratory' },
        { question: 'forensic laboratory access', was: 'answer laboratory' },
        { question: 'asdfgh qwerty', was: 'fallback' },
        { question: 'a removed question', was: 'fallback' },
      ],
    ],
  ];
  for (const [name, after, changes] of diffs) {
    it(`reports ${name}`, () => expect(diffOutcomes(before, after)).to.deep.equal(changes));
  }

  it('writes one line per change, with what the set expects', () => {
    const changes: OutcomeChange[] = [
      { question: 'what is etrace', was: 'answer etrace', now: 'fallback' },
      { question: 'forensic laboratory access', now: 'answer laboratory' },
      { question: 'what is the weather forecast', was: 'fallback', now: 'answer etrace' },
      { question: 'a removed question', was: 'fallback' },
    ];
    expect(formatChanges(changes, set)).to.deep.equal([
      '"what is etrace": was answer etrace, now fallback (expects etrace)',
      '"forensic laboratory access": not recorded, now answer laboratory (expects laboratory)',
      '"what is the weather forecast": was fallback, now answer etrace (out of scope)',
      '"a removed question": was fallback, now not in the sets',
    ]);
  });

  it('reads back the recording it wrote, in order, whatever the question says', () => {
    const file = join(tempDir('outcomes'), 'eval-outcomes.json');
    const outcomes: Outcomes = { 'zz: "quoted", ¿qué?': 'fallback', '- yes': 'answer etrace', '#1 {a}': 'did you mean a | b' };
    writeOutcomes(file, outcomes);
    expect(Object.entries(readOutcomes(file))).to.deep.equal(Object.entries(outcomes));
  });
});
