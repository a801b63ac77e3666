import { z } from 'zod';
import type { SqliteDatabase } from './database';

/**
 * What happened to a question: nobody could answer it ('fallback'), the bot asked "did you
 * mean" ('clarify') or answered with moderate confidence ('low-confidence'), or a partner
 * rated the answer ('helpful', 'not-helpful').
 */
export const FeedbackKind = z.enum(['fallback', 'clarify', 'low-confidence', 'helpful', 'not-helpful']);
export type FeedbackKind = z.infer<typeof FeedbackKind>;

/** What is kept about one question or rating. */
export interface FeedbackEvent {
  kind: FeedbackKind;
  locale: string;
  /** Already redacted: see redactPersonalData. */
  question?: string;
  /** The entry that was answered (and rated). */
  entryId?: string;
  /** The entry the engine ranked first, whether or not it answered with it. */
  suggestedEntryId?: string;
  channelId: string;
}

/** Events with the same kind, wording and entries, counted. */
export interface FeedbackSummary {
  kind: FeedbackKind;
  question: string | null;
  entryId: string | null;
  suggestedEntryId: string | null;
  count: number;
  /** ISO 8601, UTC. */
  lastSeen: string;
}

/**
 * Unanswered questions, clarifications, unsure answers and answer ratings for content
 * authors (`npm run report`). Nothing that identifies a partner is kept: no user or
 * conversation id, and questions are redacted by the caller before they get here.
 */
export interface FeedbackLog {
  record(event: FeedbackEvent): void;
  /** Most frequent first; every summary without a limit. */
  mostFrequent(limit?: number): FeedbackSummary[];
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
      suggested_entry_id TEXT,
      channel_id TEXT NOT NULL,
      created_at TEXT NOT NULL
    )`);
    // A database file from before suggested entries were kept gets the column; its rows have none.
    const columns = db.prepare<[], { name: string }>('PRAGMA table_info(feedback)').all();
    if (!columns.some((column) => column.name === 'suggested_entry_id')) db.exec('ALTER TABLE feedback ADD COLUMN suggested_entry_id TEXT');
    this.insert = db.prepare(
      'INSERT INTO feedback (kind, locale, question, entry_id, suggested_entry_id, channel_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
  }

  record(event: FeedbackEvent): void {
    this.insert.run(
      event.kind,
      event.locale,
      event.question ?? null,
      event.entryId ?? null,
      event.suggestedEntryId ?? null,
      event.channelId,
      new Date().toISOString(),
    );
  }

  /** Exact wordings: grouping similar questions is the report's job (see groupFeedback). */
  mostFrequent(limit?: number): FeedbackSummary[] {
    return this.db
      .prepare<[number], FeedbackSummary>(
        `SELECT kind, question, entry_id AS entryId, suggested_entry_id AS suggestedEntryId, count(*) AS count, max(created_at) AS lastSeen
         FROM feedback GROUP BY kind, question, entry_id, suggested_entry_id ORDER BY count DESC, lastSeen DESC LIMIT ?`,
      )
      .all(limit ?? -1);
  }
}
