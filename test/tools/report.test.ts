import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import type { FeedbackSummary } from '../../src/storage/feedbackLog';
import { addAlternateQuestion, formatReport, groupFeedback, runReportCommand } from '../../src/tools/report';
import { tempDir } from '../helpers';

function row(question: string | null, fields: Partial<FeedbackSummary> = {}): FeedbackSummary {
  return { kind: 'fallback', question, entryId: null, suggestedEntryId: null, count: 1, lastSeen: '2026-03-01T10:00:00.000Z', ...fields };
}

const ENTRIES = `# Training entries: keep questions in the words partners use.
entries:
  - id: ilea-courses
    locale: en
    title: ILEA courses
    answer: |
      ILEA offers courses on firearms trafficking for partner investigators.
    questions:
      - what courses does ILEA offer
      - "Which ILEA courses: firearms?"
    tags: [ilea, courses]
`;

function entriesFolder(text = ENTRIES): { dir: string; file: string } {
  const dir = tempDir('entries');
  writeFileSync(join(dir, 'training.yaml'), text);
  return { dir, file: join(dir, 'training.yaml') };
}

describe('tools/report', () => {
  describe('groupFeedback', () => {
    const later = { lastSeen: '2026-03-02T10:00:00.000Z' };
    // Each group as "count wording entry".
    const grouped: [string, FeedbackSummary[], string[]][] = [
      ['whatever their case, punctuation, stop words and word order', [row('How do I get eTrace access?', later), row('etrace access: how can we get it'), row('weather')], ['2 How do I get eTrace access? -', '1 weather -']],
      ['with near-duplicates', [row('get etrace access', { count: 2 }), row('get etrace access for our agency')], ['3 get etrace access -']],
      ['apart when they share too few words', [row('visa for canada', later), row('visa for mexico')], ['1 visa for canada -', '1 visa for mexico -']],
      ['by entry for ratings without their question', [row(null, { kind: 'not-helpful', entryId: 'bats' }), row(null, { kind: 'helpful', entryId: 'bats' }), row(null, { kind: 'helpful', entryId: 'etrace' })], ['2 - bats', '1 - etrace']],
    ];
    for (const [name, rows, expected] of grouped) {
      it(`groups questions ${name}`, () => {
        expect(groupFeedback(rows).map((g) => `${g.count} ${g.question ?? '-'} ${g.entryId ?? '-'}`)).to.deep.equal(expected);
      });
    }

    it('counts, lists kinds, shows the most frequent wording and the likeliest entry, most frequent group first', () => {
      const groups = groupFeedback([
        row('weather', { lastSeen: '2026-03-05T00:00:00.000Z' }),
        row('ILEA courses?', { kind: 'clarify', suggestedEntryId: 'ilea-courses', count: 2 }),
        row('ilea courses', { kind: 'low-confidence', suggestedEntryId: 'ilea-courses', count: 3, lastSeen: '2026-03-04T00:00:00.000Z' }),
        row('courses ILEA', { kind: 'clarify', suggestedEntryId: 'ilea-training-format' }),
      ]);
      expect(groups.map((g) => ({ ...g, kinds: Object.fromEntries(g.kinds) }))).to.deep.equal([
        { count: 6, kinds: { clarify: 3, 'low-confidence': 3 }, lastSeen: '2026-03-04T00:00:00.000Z', question: 'ilea courses', entryId: 'ilea-courses' },
        { count: 1, kinds: { fallback: 1 }, lastSeen: '2026-03-05T00:00:00.000Z', question: 'weather', entryId: undefined },
      ]);
    });
  });

  it('formats a numbered table with the entry each group likely belongs to', () => {
    const lines = formatReport(groupFeedback([row('ilea courses', { kind: 'clarify', suggestedEntryId: 'ilea-courses', count: 3 }), row('weather')]));
    expect(lines[0]).to.match(/^#\s+count\s+kinds\s+last seen \(UTC\)\s+entry\s+question/);
    expect(lines[1]).to.match(/^1\s+3\s+clarify\s+2026-03-01 10:00\s+ilea-courses\s+ilea courses$/);
    expect(lines[2]).to.match(/^2\s+1\s+fallback\s+2026-03-01 10:00\s+-\s+weather$/);
  });

  describe('addAlternateQuestion', () => {
    it("appends the wording to the entry's questions and keeps the file's comments and layout", () => {
      const { dir, file } = entriesFolder();
      const result = addAlternateQuestion(dir, 'ilea-courses', 'Does ILEA teach firearms tracing?');
      expect(result).to.deep.include({ added: true, line: 11 });
      expect(readFileSync(file, 'utf8')).to.equal(ENTRIES.replace('    tags:', '      - Does ILEA teach firearms tracing?\n    tags:'));
    });

    const refusals: [string, string, string, RegExp][] = [
      ['an entry that does not exist', 'no-such-entry', 'anything', /^No entry no-such-entry in /],
      ['a wording the entry already has', 'ilea-courses', 'Which ILEA courses, firearms', /already an alternate question of ilea-courses/],
    ];
    for (const [name, entryId, question, message] of refusals) {
      it(`refuses ${name} and leaves the file alone`, () => {
        const { dir, file } = entriesFolder();
        const result = addAlternateQuestion(dir, entryId, question);
        expect(result.added).to.equal(false);
        expect(result.added === false && result.reason).to.match(message);
        expect(readFileSync(file, 'utf8')).to.equal(ENTRIES);
      });
    }

    it('refuses a file the YAML writer would lay out differently', () => {
      const folded = ENTRIES.replace('tags: [ilea, courses]', 'tags: [ilea,\n      courses]');
      const { dir, file } = entriesFolder(folded);
      expect(addAlternateQuestion(dir, 'ilea-courses', 'ILEA tracing course')).to.deep.include({ added: false });
      expect(readFileSync(file, 'utf8')).to.equal(folded);
    });
  });

  describe('npm run report', () => {
    const feedback = [row('ILEA course on tracing?', { kind: 'clarify', suggestedEntryId: 'ilea-courses', count: 2 }), row('weather', { lastSeen: '2026-03-02T10:00:00.000Z' }), row('Can [name] attend?')];
    const run = (args: string[], dir = entriesFolder().dir) => {
      const lines: string[] = [];
      const code = runReportCommand(args, feedback, dir, (line) => lines.push(line));
      return { code, lines };
    };

    const commands: [string, string[], number, RegExp][] = [
      ['lists N groups', ['1'], 0, /^#[^]*\n1 .*ILEA course on tracing\?\n\nTo add/],
      ['adds a group to its likeliest entry, says where and what to run next', ['add', '1'], 0, /^Added "ILEA course on tracing\?" to ilea-courses: .*training\.yaml:11\nRun npm run knowledge:check/],
      ['refuses a group number the listing does not show', ['add', '9'], 1, /^No group 9: the report has 3/],
      ['refuses a group without a likely entry', ['add', '2'], 1, /^Group 2 has no likely entry: name one/],
      ['refuses a wording with personal data removed', ['add', '3', 'ilea-courses'], 1, /personal data removed/],
      ['refuses an entry that does not exist', ['add', '2', 'weather-reports'], 1, /^No entry weather-reports in /],
      ['explains its usage', ['add'], 2, /^Usage: npm run report/],
      ['explains its usage for a row count that is no number', ['all'], 2, /^Usage: npm run report/],
    ];
    for (const [name, args, code, output] of commands) {
      it(`${name} (${args.join(' ')})`, () => {
        const result = run(args);
        expect(result.lines.join('\n')).to.match(output);
        expect(result.code).to.equal(code);
      });
    }

    it('says when nothing was recorded', () => {
      const lines: string[] = [];
      expect(runReportCommand([], [], entriesFolder().dir, (line) => lines.push(line))).to.equal(0);
      expect(lines).to.deep.equal(['Nothing recorded yet: no unanswered, unclear or unsure questions and no rated answers.']);
    });
  });
});
