import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect } from 'chai';
import { openDatabase } from '../../src/storage/database';
import { tempDir } from '../helpers';

const mode = (path: string) => statSync(path).mode & 0o777;

describe('storage/database', () => {
  it('keeps the data folder and every database file readable by the service alone', () => {
    const folder = join(tempDir('private'), 'data');
    const file = join(folder, 'iad.sqlite');
    const db = openDatabase(file);
    db.exec('CREATE TABLE t (x TEXT); INSERT INTO t VALUES (\'Ana Ruiz\')');
    expect(mode(folder)).to.equal(0o700);
    for (const path of [file, `${file}-wal`, `${file}-shm`]) expect(mode(path), path).to.equal(0o600);
    db.close();
  });

  it('narrows a folder and file that an earlier version left open', () => {
    const folder = join(tempDir('open'), 'data');
    mkdirSync(folder, { mode: 0o755 });
    chmodSync(folder, 0o755);
    const file = join(folder, 'iad.sqlite');
    writeFileSync(file, '');
    chmodSync(file, 0o644);
    openDatabase(file).close();
    expect(mode(folder)).to.equal(0o700);
    expect(mode(file)).to.equal(0o600);
  });

  it('overwrites deleted rows, so purged personal data is not left in the file', () => {
    const marker = 'maria.lopez.secret@policia.example';
    const contains = (file: string, open: (file: string) => Database.Database) => {
      const db = open(file);
      db.exec('CREATE TABLE requests (answers TEXT)');
      db.prepare('INSERT INTO requests VALUES (?)').run(marker.repeat(20));
      db.exec('DELETE FROM requests');
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
      return readFileSync(file).includes(marker);
    };
    const folder = tempDir('deleted');
    expect(contains(join(folder, 'plain.sqlite'), (file) => new Database(file)), 'SQLite without secure_delete keeps it').to.equal(true);
    expect(contains(join(folder, 'iad.sqlite'), openDatabase)).to.equal(false);
  });
});
