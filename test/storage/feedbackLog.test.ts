import { expect } from 'chai';
import { openDatabase } from '../../src/storage/database';
import { SqliteFeedbackLog } from '../../src/storage/feedbackLog';

describe('storage/feedbackLog', () => {
  it('lists the most frequent unanswered questions and rated answers first', () => {
    const log = new SqliteFeedbackLog(openDatabase(':memory:'));
    const event = { locale: 'en', channelId: 'test' };
    log.record({ ...event, kind: 'fallback', question: 'Visa for Canada' });
    log.record({ ...event, kind: 'fallback', question: 'visa for canada' });
    log.record({ ...event, kind: 'fallback', question: 'weather' });
    log.record({ ...event, kind: 'not-helpful', entryId: 'bats' });
    const rows = log.mostFrequent(10);
    expect(rows[0]).to.deep.include({ kind: 'fallback', question: 'visa for canada', count: 2 });
    expect(rows.map((r) => r.entryId)).to.include('bats');
    expect(log.mostFrequent(1)).to.have.length(1);
  });
});
