import { join } from 'node:path';
import { expect } from 'chai';
import { openDatabase } from '../../src/storage/database';
import { SqliteFeedbackLog } from '../../src/storage/feedbackLog';
import { tempDir } from '../helpers';

describe('storage/feedbackLog', () => {
  const event = { locale: 'en', channelId: 'test' };

  it('lists the most frequent questions and rated answers first', () => {
    const log = new SqliteFeedbackLog(openDatabase(':memory:'));
    log.record({ ...event, kind: 'fallback', question: 'visa for canada' });
    log.record({ ...event, kind: 'fallback', question: 'visa for canada' });
    log.record({ ...event, kind: 'fallback', question: 'weather' });
    log.record({ ...event, kind: 'not-helpful', entryId: 'bats' });
    const rows = log.mostFrequent();
    expect(rows[0]).to.deep.include({ kind: 'fallback', question: 'visa for canada', count: 2 });
    expect(rows.map((r) => r.entryId)).to.include('bats');
    expect(log.mostFrequent(1)).to.have.length(1);
  });

  it('keeps clarifications and unsure answers with the entry the engine ranked first', () => {
    const log = new SqliteFeedbackLog(openDatabase(':memory:'));
    log.record({ ...event, kind: 'clarify', question: 'ilea', suggestedEntryId: 'ilea-courses' });
    log.record({ ...event, kind: 'low-confidence', question: 'trace a gun', entryId: 'etrace-tracing', suggestedEntryId: 'etrace-tracing' });
    expect(log.mostFrequent().map(({ kind, entryId, suggestedEntryId }) => ({ kind, entryId, suggestedEntryId }))).to.have.deep.members([
      { kind: 'clarify', entryId: null, suggestedEntryId: 'ilea-courses' },
      { kind: 'low-confidence', entryId: 'etrace-tracing', suggestedEntryId: 'etrace-tracing' },
    ]);
  });

  it('keeps working with a database file from before suggested entries were kept', () => {
    const file = join(tempDir('feedback'), 'iad.sqlite');
    const old = openDatabase(file);
    old.exec(`CREATE TABLE feedback (id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, locale TEXT NOT NULL,
      question TEXT, entry_id TEXT, channel_id TEXT NOT NULL, created_at TEXT NOT NULL)`);
    old.prepare("INSERT INTO feedback (kind, locale, question, channel_id, created_at) VALUES ('fallback', 'en', 'weather', 'test', '2026-01-02T03:04:05.000Z')").run();
    old.close();

    const db = openDatabase(file);
    const log = new SqliteFeedbackLog(db);
    log.record({ ...event, kind: 'clarify', question: 'ilea', suggestedEntryId: 'ilea-courses' });
    expect(log.mostFrequent().map((r) => [r.question, r.suggestedEntryId])).to.have.deep.members([
      ['weather', null],
      ['ilea', 'ilea-courses'],
    ]);
    db.close();
    const again = openDatabase(file);
    expect(() => new SqliteFeedbackLog(again), 'opening it again').not.to.throw();
    again.close();
  });
});
