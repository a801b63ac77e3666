import type { Storage, StoreItems } from 'botbuilder';
import type { SqliteDatabase } from './database';
import { StorageConflictError } from './storageConflictError';

/**
 * Bot Framework `Storage` over SQLite, so conversation and user state survive a restart
 * with no external service. eTags follow the Bot Framework contract: a write whose eTag is
 * stale fails with StorageConflictError and writes nothing; `*` (or none) overwrites. The
 * read-check-write runs in an IMMEDIATE transaction, which takes the write lock first, so a
 * second process sharing the file waits for it instead of failing with "database is locked".
 */
export class SqliteStorage implements Storage {
  private readonly select;
  private readonly upsert;
  private readonly remove;
  private readonly removeIdle;
  private readonly writeAll;

  constructor(private readonly db: SqliteDatabase) {
    db.exec(`CREATE TABLE IF NOT EXISTS bot_state (
      key TEXT PRIMARY KEY,
      etag INTEGER NOT NULL,
      value TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS bot_state_updated_at ON bot_state (updated_at)`);
    this.select = db.prepare<[string], { etag: number; value: string }>('SELECT etag, value FROM bot_state WHERE key = ?');
    this.upsert = db.prepare('INSERT INTO bot_state (key, etag, value, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET etag = excluded.etag, value = excluded.value, updated_at = excluded.updated_at');
    this.remove = db.prepare('DELETE FROM bot_state WHERE key = ?');
    this.removeIdle = db.prepare('DELETE FROM bot_state WHERE updated_at < ?');
    this.writeAll = db.transaction((changes: StoreItems) => {
      const now = new Date().toISOString();
      for (const [key, item] of Object.entries(changes)) {
        const current = this.select.get(key);
        const eTag: unknown = item?.eTag;
        if (current && eTag !== undefined && eTag !== '*' && String(eTag) !== String(current.etag)) throw new StorageConflictError(key);
        const { eTag: _ignored, ...value } = item ?? {};
        this.upsert.run(key, (current?.etag ?? 0) + 1, JSON.stringify(value), now);
      }
    });
  }

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    for (const key of keys) {
      const row = this.select.get(key);
      if (row) items[key] = { ...JSON.parse(row.value), eTag: String(row.etag) };
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    this.writeAll.immediate(changes);
  }

  async delete(keys: string[]): Promise<void> {
    this.db.transaction(() => keys.forEach((key) => this.remove.run(key))).immediate();
  }

  /** Retention: forgets conversations (and users) not seen since `before`, with any half-finished form in them. */
  purgeIdleSince(before: Date): number {
    return this.removeIdle.run(before.toISOString()).changes;
  }
}
