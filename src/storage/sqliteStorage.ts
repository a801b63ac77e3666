import type { Storage, StoreItems } from 'botbuilder';
import type { SqliteDatabase } from './database';

/**
 * Bot Framework `Storage` over SQLite, so conversation and user state survive a restart
 * with no external service. eTags follow the Bot Framework contract: a write whose eTag
 * is stale is rejected, `*` (or none) overwrites.
 */
export class SqliteStorage implements Storage {
  private readonly select;
  private readonly upsert;
  private readonly remove;

  constructor(private readonly db: SqliteDatabase) {
    db.exec(`CREATE TABLE IF NOT EXISTS bot_state (
      key TEXT PRIMARY KEY,
      etag INTEGER NOT NULL,
      value TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`);
    this.select = db.prepare<[string], { etag: number; value: string }>('SELECT etag, value FROM bot_state WHERE key = ?');
    this.upsert = db.prepare('INSERT INTO bot_state (key, etag, value, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET etag = excluded.etag, value = excluded.value, updated_at = excluded.updated_at');
    this.remove = db.prepare('DELETE FROM bot_state WHERE key = ?');
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
    this.db.transaction(() => {
      for (const [key, item] of Object.entries(changes)) {
        const current = this.select.get(key);
        const eTag: unknown = item?.eTag;
        if (current && eTag !== undefined && eTag !== '*' && String(eTag) !== String(current.etag)) {
          throw new Error(`SqliteStorage.write: eTag conflict for key "${key}"`);
        }
        const { eTag: _ignored, ...value } = item ?? {};
        this.upsert.run(key, (current?.etag ?? 0) + 1, JSON.stringify(value), new Date().toISOString());
      }
    })();
  }

  async delete(keys: string[]): Promise<void> {
    this.db.transaction(() => keys.forEach((key) => this.remove.run(key)))();
  }
}
