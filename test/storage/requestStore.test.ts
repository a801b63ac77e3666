import { fork } from 'node:child_process';
import { join } from 'node:path';
import { expect } from 'chai';
import { createLogger } from '../../src/logger';
import { openDatabase } from '../../src/storage/database';
import { Outbox } from '../../src/storage/outbox';
import { findReference, SqliteRequestStore, type NewRequest, type RequestStatus } from '../../src/storage/requestStore';
import { tempDir } from '../helpers';

const at = (iso: string) => new Date(iso);
const request = (fields: Partial<NewRequest> = {}): NewRequest => ({
  formId: 'request-assistance',
  locale: 'en',
  channelId: 'msteams',
  userId: 'partner-1',
  answers: { agency: 'Policía Federal', country: 'Mexico', email: 'maria.lopez@policia.example' },
  ...fields,
});

describe('storage/requestStore', () => {
  it('numbers references per year, from 000001', () => {
    const store = new SqliteRequestStore(openDatabase(':memory:'));
    const references = [
      store.submit(request(), at('2026-03-01T10:00:00Z')),
      store.submit(request(), at('2026-03-01T10:00:00Z')),
      store.submit(request(), at('2027-01-01T00:00:00Z')),
      store.submit(request(), at('2026-12-31T23:59:59Z')),
    ].map((r) => r.reference);
    expect(references).to.deep.equal(['IAD-2026-000001', 'IAD-2026-000002', 'IAD-2027-000001', 'IAD-2026-000003']);
  });

  it('returns and stores the request as received', () => {
    const store = new SqliteRequestStore(openDatabase(':memory:'));
    const stored = store.submit(request({ conversationReference: { conversation: { id: 'c1' } } }), at('2026-03-01T10:00:00Z'));
    expect(stored).to.deep.equal({
      alreadySubmitted: false,
      reference: 'IAD-2026-000001',
      formId: 'request-assistance',
      locale: 'en',
      status: 'received',
      answers: request().answers,
      channelId: 'msteams',
      createdAt: '2026-03-01T10:00:00.000Z',
      updatedAt: '2026-03-01T10:00:00.000Z',
    });
    const { alreadySubmitted: _first, ...request_ } = stored;
    expect(store.get('IAD-2026-000001')).to.deep.equal(request_);
  });

  it('stores a form once, whatever number of times it is submitted', () => {
    const store = new SqliteRequestStore(openDatabase(':memory:'));
    const first = store.submit(request({ submissionKey: 'form-1' }), at('2026-03-01T10:00:00Z'));
    const again = store.submit(request({ submissionKey: 'form-1', answers: { agency: 'changed' } }), at('2026-03-01T10:00:05Z'));
    const other = store.submit(request({ submissionKey: 'form-2' }), at('2026-03-01T10:00:09Z'));
    expect(first).to.include({ reference: 'IAD-2026-000001', alreadySubmitted: false });
    expect(again).to.include({ reference: 'IAD-2026-000001', alreadySubmitted: true });
    expect(again.answers).to.deep.equal(first.answers);
    expect(other).to.include({ reference: 'IAD-2026-000002', alreadySubmitted: false });
    expect(store.list()).to.have.length(2);
    expect(store.submittedWith('form-1', 'msteams', 'partner-1')?.reference).to.equal('IAD-2026-000001');
    expect(store.submittedWith('form-1', 'msteams', 'someone-else')).to.equal(undefined);
  });

  it('adds the submission key to a file written before it existed', () => {
    const db = openDatabase(':memory:');
    db.exec(`CREATE TABLE requests (reference TEXT NOT NULL UNIQUE COLLATE NOCASE, form_id TEXT NOT NULL, locale TEXT NOT NULL, status TEXT NOT NULL,
      answers TEXT NOT NULL, channel_id TEXT NOT NULL, owner TEXT NOT NULL, conversation_reference TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL)`);
    const store = new SqliteRequestStore(db);
    store.submit(request({ submissionKey: 'form-1' }), at('2026-03-01T10:00:00Z'));
    expect(store.submit(request({ submissionKey: 'form-1' })).alreadySubmitted).to.equal(true);
  });

  it('keeps requests and the counter across a close and reopen of the file', () => {
    const file = join(tempDir('requests'), 'iad.sqlite');
    const first = openDatabase(file);
    new SqliteRequestStore(first).submit(request(), at('2026-03-01T10:00:00Z'));
    first.close();

    const second = openDatabase(file);
    const store = new SqliteRequestStore(second);
    expect(store.get('IAD-2026-000001')?.answers).to.deep.equal(request().answers);
    expect(store.submit(request(), at('2026-03-02T10:00:00Z')).reference).to.equal('IAD-2026-000002');
    second.close();
  });

  it('keeps a hash of the partner, not the channel user id', () => {
    const db = openDatabase(':memory:');
    new SqliteRequestStore(db).submit(request({ userId: 'partner-1' }));
    expect(JSON.stringify(db.prepare('SELECT * FROM requests').all())).not.to.include('partner-1');
  });

  describe('statusFor', () => {
    const store = new SqliteRequestStore(openDatabase(':memory:'));
    const { reference } = store.submit(request(), at('2026-03-01T10:00:00Z'));
    const table: [string, string, string, string, boolean][] = [
      ['the partner who submitted it', reference, 'msteams', 'partner-1', true],
      ['the reference in lower case', reference.toLowerCase(), 'msteams', 'partner-1', true],
      ['another user', reference, 'msteams', 'partner-2', false],
      ['the same user id on another channel', reference, 'webchat', 'partner-1', false],
      ['an unknown reference', 'IAD-2026-999999', 'msteams', 'partner-1', false],
    ];
    for (const [who, ref, channelId, userId, found] of table) {
      it(`${found ? 'answers' : 'says nothing to'} ${who}`, () => {
        const view = store.statusFor(ref, channelId, userId);
        if (found) {
          expect(view).to.deep.equal({ reference, formId: 'request-assistance', status: 'received', createdAt: '2026-03-01T10:00:00.000Z', updatedAt: '2026-03-01T10:00:00.000Z' });
        } else {
          expect(view).to.equal(undefined);
        }
      });
    }
  });

  it('looks references up in any case', () => {
    const store = new SqliteRequestStore(openDatabase(':memory:'));
    store.submit(request(), at('2026-03-01T10:00:00Z'));
    expect(store.get('iad-2026-000001')?.reference).to.equal('IAD-2026-000001');
    expect(store.setStatus('Iad-2026-000001', 'closed')).to.equal(true);
  });

  it('changes a status, and says when the reference does not exist', () => {
    const store = new SqliteRequestStore(openDatabase(':memory:'));
    const { reference } = store.submit(request(), at('2026-03-01T10:00:00Z'));
    expect(store.setStatus(reference, 'in-review', at('2026-03-02T09:00:00Z'))).to.equal(true);
    expect(store.get(reference)).to.deep.include({ status: 'in-review', createdAt: '2026-03-01T10:00:00.000Z', updatedAt: '2026-03-02T09:00:00.000Z' });
    expect(store.setStatus('IAD-2026-999999', 'closed')).to.equal(false);
  });

  it('rejects a status that does not exist', () => {
    const store = new SqliteRequestStore(openDatabase(':memory:'));
    const { reference } = store.submit(request());
    expect(() => store.setStatus(reference, 'lost' as RequestStatus)).to.throw();
    expect(() => store.list({ status: 'lost' as RequestStatus })).to.throw();
    expect(store.get(reference)?.status).to.equal('received');
  });

  it('lists newest first, by status and up to a limit', () => {
    const store = new SqliteRequestStore(openDatabase(':memory:'));
    const days = ['2026-03-01', '2026-03-03', '2026-03-02'];
    const [a, b, c] = days.map((day) => store.submit(request(), at(`${day}T10:00:00Z`)).reference);
    store.setStatus(b!, 'closed');
    expect(store.list().map((r) => r.reference)).to.deep.equal([b, c, a]);
    expect(store.list({ status: 'received' }).map((r) => r.reference)).to.deep.equal([c, a]);
    expect(store.list({ status: 'declined' })).to.deep.equal([]);
    expect(store.list({ limit: 1 }).map((r) => r.reference)).to.deep.equal([b]);
  });

  it('purges requests created before a date, with their notifications', () => {
    const db = openDatabase(':memory:');
    const outbox = new Outbox(db, { webhookUrl: 'https://staff.example/hook', logger: createLogger('error', () => {}) });
    const store = new SqliteRequestStore(db, { outbox });
    const old = store.submit(request(), at('2025-01-01T00:00:00Z')).reference;
    const recent = store.submit(request(), at('2026-03-01T00:00:00Z')).reference;
    expect(store.purgeCreatedBefore(at('2026-01-01T00:00:00Z'))).to.equal(1);
    expect(store.get(old)).to.equal(undefined);
    expect(store.get(recent)).not.to.equal(undefined);
    expect(outbox.pending().map((p) => p.reference)).to.deep.equal([recent]);
    expect(store.purgeCreatedBefore(at('2026-01-01T00:00:00Z'))).to.equal(0);
  });

  it('purges without an outbox configured', () => {
    const store = new SqliteRequestStore(openDatabase(':memory:'));
    store.submit(request(), at('2025-01-01T00:00:00Z'));
    expect(store.purgeCreatedBefore(at('2026-01-01T00:00:00Z'))).to.equal(1);
  });

  describe('findReference', () => {
    const table: [string, string | undefined][] = [
      ['IAD-2026-000123', 'IAD-2026-000123'],
      ['status iad-2026-000123?', 'IAD-2026-000123'],
      ['IAD-2026-00123', undefined],
      ['IAD-26-000123', undefined],
      ['IAD-2026-0001234', undefined],
      ['XIAD-2026-000123', undefined],
    ];
    for (const [text, expected] of table) it(`finds ${expected ?? 'nothing'} in "${text}"`, () => expect(findReference(text)).to.equal(expected));
  });

  describe('concurrent submissions', () => {
    const expectAllStored = (file: string, references: string[], count: number) => {
      const db = openDatabase(file);
      expect(new Set(references).size).to.equal(count);
      const stored = db.prepare('SELECT reference FROM requests').pluck().all() as string[];
      expect(new Set(stored)).to.deep.equal(new Set(references));
      expect(db.prepare('SELECT count(*) FROM staff_outbox').pluck().get()).to.equal(count);
      db.close();
    };

    it('gives 200 submissions in one process 200 references, over several connections to the file', async () => {
      const file = join(tempDir('requests'), 'iad.sqlite');
      const logger = createLogger('error', () => {});
      const connections = Array.from({ length: 4 }, () => openDatabase(file));
      const stores = connections.map((db) => new SqliteRequestStore(db, { outbox: new Outbox(db, { webhookUrl: 'https://staff.example/hook', logger }) }));
      const references = await Promise.all(
        Array.from({ length: 200 }, (_, i) => Promise.resolve().then(() => stores[i % stores.length]!.submit(request({ answers: { n: String(i) } })).reference)),
      );
      connections.forEach((db) => db.close());
      expectAllStored(file, references, 200);
    });

    it('gives 4 processes submitting 50 each to the same file 200 references', async () => {
      const file = join(tempDir('requests'), 'iad.sqlite');
      // Create the tables first, so the workers do not race to create them.
      const setup = openDatabase(file);
      new Outbox(setup, { webhookUrl: 'https://staff.example/hook', logger: createLogger('error', () => {}) });
      new SqliteRequestStore(setup);
      setup.close();
      const workers = Array.from({ length: 4 }, () =>
        fork(join(__dirname, 'submitWorker.ts'), [file, '50'], { execArgv: ['--require', 'tsx/cjs'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
      );
      const results = workers.map(
        (worker) =>
          new Promise<string[]>((resolve, reject) => {
            worker.on('message', (message) => Array.isArray(message) && resolve(message as string[]));
            worker.on('error', reject);
            worker.on('exit', (code) => code !== 0 && reject(new Error(`worker exited with ${code}`)));
          }),
      );
      await Promise.all(
        workers.map(
          (worker) =>
            new Promise<void>((resolve, reject) => {
              worker.once('message', () => resolve());
              worker.once('exit', (code) => reject(new Error(`worker exited with ${code} before it was ready`)));
            }),
        ),
      );
      const startAt = Date.now() + 100;
      workers.forEach((worker) => worker.send(startAt));
      const references = (await Promise.all(results)).flat();
      expectAllStored(file, references, 200);
    });
  });
});
