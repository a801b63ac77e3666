import { join } from 'node:path';
import { expect } from 'chai';
import { openDatabase } from '../../src/storage/database';
import { SqliteRequestStore } from '../../src/storage/requestStore';
import { purgeExpired } from '../../src/storage/retention';
import { SqliteStorage } from '../../src/storage/sqliteStorage';
import { tempDir } from '../helpers';
import { startTestApp } from '../server/testApp';

describe('storage/retention', () => {
  it('deletes requests past their retention and conversations idle past theirs', async () => {
    const db = openDatabase(':memory:');
    const requests = new SqliteRequestStore(db);
    const state = new SqliteStorage(db);
    const old = requests.submit({ formId: 'request-assistance', locale: 'en', channelId: 'test', userId: 'u', answers: { name: 'Ana Ruiz' } }, new Date('2025-01-01T00:00:00Z'));
    const recent = requests.submit({ formId: 'request-assistance', locale: 'en', channelId: 'test', userId: 'u', answers: { name: 'Ana Ruiz' } }, new Date('2026-11-30T00:00:00Z'));
    await state.write({ idle: { form: { name: 'Ana Ruiz' } }, active: { form: {} } });
    db.prepare("UPDATE bot_state SET updated_at = '2026-10-01T00:00:00.000Z' WHERE key = 'idle'").run();
    const result = purgeExpired({ requests, state }, { requests: 365, conversationState: 30 }, new Date('2026-12-02T00:00:00Z'));
    expect(result).to.include({ requests: 1, states: 1 });
    expect(requests.get(old.reference)).to.equal(undefined);
    expect(requests.get(recent.reference)).to.not.equal(undefined);
    expect(Object.keys(await state.read(['idle', 'active']))).to.deep.equal(['active']);
  });

  it('runs when the bot starts', async () => {
    const dataDir = tempDir('startup-purge');
    const db = openDatabase(join(dataDir, 'iad.sqlite'));
    await new SqliteStorage(db).write({ 'emulator/conversations/abandoned': { dialogState: { answers: { name: 'Ana Ruiz' } } } });
    db.prepare("UPDATE bot_state SET updated_at = '2020-01-01T00:00:00.000Z'").run();
    db.close();
    const { app } = await startTestApp({ DATA_DIR: dataDir });
    await app.close();
    const after = openDatabase(join(dataDir, 'iad.sqlite'));
    expect(after.prepare('SELECT count(*) AS n FROM bot_state').get()).to.deep.equal({ n: 0 });
    after.close();
  });
});
