import type { SqliteDatabase } from './database';

export type FeedbackKind = 'fallback' | 'helpful' | 'not-helpful';

/** What is kept about a question nobody could answer or an answer a partner rated. */
export interface FeedbackEvent {
  kind: FeedbackKind;
  locale: string;
  /** Already redacted: see redactPersonalData. */
  question?: string;
  entryId?: string;
  channelId: string;
}

export interface FeedbackSummary {
  kind: FeedbackKind;
  question: string | null;
  entryId: string | null;
  count: number;
  lastSeen: string;
}

/**
 * Fallbacks and answer ratings for content authors (`npm run report`). Nothing that
 * identifies a partner is kept: no user or conversation id, and questions are redacted
 * by the caller before they get here.
 */
export interface FeedbackLog {
  record(event: FeedbackEvent): void;
  mostFrequent(limit: number): FeedbackSummary[];
}

export class SqliteFeedbackLog implements FeedbackLog {
  private readonly insert;

  constructor(private readonly db: SqliteDatabase) {
    db.exec(`CREATE TABLE IF NOT EXISTS feedback (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      kind TEXT NOT NULL,
      locale TEXT NOT NULL,
      question TEXT,
      entry_id TEXT,
      channel_id TEXT NOT NULL,
      created_at TEXT NOT NULL
    )`);
    this.insert = db.prepare('INSERT INTO feedback (kind, locale, question, entry_id, channel_id, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  }

  record(event: FeedbackEvent): void {
    this.insert.run(event.kind, event.locale, event.question ?? null, event.entryId ?? null, event.channelId, new Date().toISOString());
  }

  mostFrequent(limit: number): FeedbackSummary[] {
    return this.db
      .prepare<[number], FeedbackSummary>(
        `SELECT kind, lower(question) AS question, entry_id AS entryId, count(*) AS count, max(created_at) AS lastSeen
         FROM feedback GROUP BY kind, lower(question), entry_id ORDER BY count DESC, lastSeen DESC LIMIT ?`,
      )
      .all(limit);
  }
}
