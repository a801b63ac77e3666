import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

export type SqliteDatabase = Database.Database;

/** Owner only: the folder and the files hold what partners typed. */
const PRIVATE_FOLDER = 0o700;
const PRIVATE_FILE = 0o600;

/**
 * The embedded durable store (one SQLite file in DATA_DIR), readable by the service's own
 * user only. WAL keeps readers and the writer from blocking each other; a busy timeout makes
 * a second process wait for the write lock instead of failing; secure_delete overwrites
 * deleted rows, so purged personal data does not linger in free pages. Each module creates
 * its own tables on first use.
 */
export function openDatabase(file: string): SqliteDatabase {
  if (file !== ':memory:') makePrivate(file);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  db.pragma('secure_delete = ON');
  return db;
}

/**
 * Creates the folder and the database file owner-only, and narrows them when an earlier
 * version left them open. SQLite gives the -wal and -shm files it creates the database
 * file's mode, so creating that file first is what keeps them private too.
 */
function makePrivate(file: string): void {
  const folder = dirname(file);
  mkdirSync(folder, { recursive: true, mode: PRIVATE_FOLDER });
  chmodSync(folder, PRIVATE_FOLDER);
  closeSync(openSync(file, 'a', PRIVATE_FILE));
  for (const path of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) if (existsSync(path)) chmodSync(path, PRIVATE_FILE);
}
