import { join } from 'node:path';
import { expect } from 'chai';
import { openDatabase } from '../../src/storage/database';
import { SqliteStorage } from '../../src/storage/sqliteStorage';
import { StorageConflictError } from '../../src/storage/storageConflictError';
import { tempDir } from '../helpers';

describe('storage/sqliteStorage', () => {
  it('keeps state across a close and reopen of the database file', async () => {
    const file = join(tempDir('sqlite'), 'state.sqlite');
    const first = openDatabase(file);
    await new SqliteStorage(first).write({ 'conv/1': { step: 3, answers: { email: 'a@b.example' } } });
    first.close();

    const second = openDatabase(file);
    const items = await new SqliteStorage(second).read(['conv/1', 'missing']);
    second.close();
    expect(items['conv/1']).to.deep.include({ step: 3, answers: { email: 'a@b.example' } });
    expect(items).not.to.have.property('missing');
  });

  it('rejects a write with a stale eTag and accepts "*" and the current one', async () => {
    const storage = new SqliteStorage(openDatabase(join(tempDir('sqlite'), 'state.sqlite')));
    await storage.write({ k: { n: 1 } });
    const { k } = await storage.read(['k']);
    await storage.write({ k: { ...k, n: 2 } });
    let conflict: unknown;
    await storage.write({ k: { ...k, n: 3 } }).catch((error: unknown) => (conflict = error));
    expect(conflict).to.be.instanceOf(StorageConflictError);
    expect((await storage.read(['k'])).k).to.deep.include({ n: 2 }); // the stale write changed nothing
    await storage.write({ k: { n: 4, eTag: '*' } });
    expect((await storage.read(['k'])).k).to.deep.include({ n: 4 });
  });

  it('deletes keys', async () => {
    const storage = new SqliteStorage(openDatabase(':memory:'));
    await storage.write({ a: { x: 1 }, b: { x: 2 } });
    await storage.delete(['a']);
    expect(Object.keys(await storage.read(['a', 'b']))).to.deep.equal(['b']);
  });
});
