import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { SqliteDatabase } from './database';
import type { RequestSummary } from '../forms/requestSummary';
import { discardNotifications, type Outbox } from './outbox';

export const RequestStatus = z.enum(['received', 'in-review', 'in-progress', 'closed', 'declined']);
export type RequestStatus = z.infer<typeof RequestStatus>;

/** A completed form, as the bot hands it over. */
export interface NewRequest {
  /** e.g. 'request-assistance', 'request-training' */
  formId: string;
  locale: string;
  channelId: string;
  /** The channel's user id (activity.from.id); only a hash of it is kept. */
  userId: string;
  /** Field id -> value, already validated by the caller. */
  answers: Record<string, string>;
  /** The request as IAD staff read it, in the default language (labels, chosen options, countries and dates in words). */
  summary?: RequestSummary;
  /** The request as the partner confirmed it, when that was in another language: what they typed, in their words. */
  originalSummary?: RequestSummary;
  /** Bot Framework conversation reference, kept so staff replies could be sent later; opaque JSON. */
  conversationReference?: object;
  /**
   * Identifies one filled-in form. A second submit with the same key (a double click, a
   * retry after a crash) stores nothing and returns the first request.
   */
  submissionKey?: string;
}

export interface StoredRequest {
  /** 'IAD-2026-000123' */
  reference: string;
  formId: string;
  locale: string;
  status: RequestStatus;
  answers: Record<string, string>;
  channelId: string;
  createdAt: string;
  updatedAt: string;
}

/** What a submit returns: the stored request, and whether an earlier submit of the same form had stored it. */
export interface Submission extends StoredRequest {
  alreadySubmitted: boolean;
}

export interface RequestStatusView {
  reference: string;
  formId: string;
  status: RequestStatus;
  createdAt: string;
  updatedAt: string;
}

export interface RequestStore {
  /**
   * Stores the request and, in the same transaction, its staff notification (when the store
   * has an outbox) — once per submission key.
   */
  submit(request: NewRequest, now?: Date): Submission;
  /** The status for the partner who submitted it; undefined when the reference does not exist OR belongs to someone else (same answer: no leak). */
  statusFor(reference: string, channelId: string, userId: string): RequestStatusView | undefined;
  get(reference: string): StoredRequest | undefined;
  /** The requests a partner submitted from this account, newest first. */
  ownedBy(channelId: string, userId: string, limit: number): RequestStatusView[];
  /** The request a form instance was submitted as, for the partner who submitted it. */
  submittedWith(submissionKey: string, channelId: string, userId: string): RequestStatusView | undefined;
  /** Newest first. */
  list(options?: { status?: RequestStatus; limit?: number }): StoredRequest[];
  setStatus(reference: string, status: RequestStatus, now?: Date): boolean;
  /** Deletes requests (and their outbox rows) created before `before`; returns how many. */
  purgeCreatedBefore(before: Date): number;
}

const REFERENCE = /\bIAD-\d{4}-\d{6}\b/i;

/** The first request reference in what a partner typed ("status iad-2026-000123?"), upper-cased. */
export function findReference(text: string): string | undefined {
  return REFERENCE.exec(text)?.[0].toUpperCase();
}

interface RequestRow {
  reference: string;
  formId: string;
  locale: string;
  status: RequestStatus;
  answers: string;
  channelId: string;
  createdAt: string;
  updatedAt: string;
}

const columns = 'reference, form_id AS formId, locale, status, answers, channel_id AS channelId, created_at AS createdAt, updated_at AS updatedAt';

/**
 * Partners' requests for assistance in SQLite. References are numbered per year from a
 * counter taken inside a `BEGIN IMMEDIATE` transaction, so several processes sharing the
 * file never hand out the same one. The partner is kept only as a hash of channel and user
 * id: enough to answer "what is the status of my request", nothing more.
 */
export class SqliteRequestStore implements RequestStore {
  private readonly nextNumber;
  private readonly insert;
  private readonly selectOne;
  private readonly selectSubmitted;
  private readonly selectSubmittedBy;
  private readonly selectOwnedBy;
  private readonly selectOwned;
  private readonly selectList;
  private readonly updateStatus;
  private readonly deleteBefore;
  private readonly submitTransaction;
  private readonly purgeTransaction;

  /** The outbox must use the same database connection, for its item to be part of the submit transaction. */
  constructor(db: SqliteDatabase, options: { outbox?: Outbox } = {}) {
    db.exec(`CREATE TABLE IF NOT EXISTS request_counters (
      year INTEGER PRIMARY KEY,
      last INTEGER NOT NULL
    );
    CREATE TABLE IF NOT EXISTS requests (
      reference TEXT NOT NULL UNIQUE COLLATE NOCASE,
      form_id TEXT NOT NULL,
      locale TEXT NOT NULL,
      status TEXT NOT NULL,
      answers TEXT NOT NULL,
      channel_id TEXT NOT NULL,
      owner TEXT NOT NULL,
      conversation_reference TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS requests_created_at ON requests (created_at)`);
    // Added after the first release: files created before it gain the column here.
    const hasKey = db.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('requests')").all().some((c) => c.name === 'submission_key');
    if (!hasKey) db.exec('ALTER TABLE requests ADD COLUMN submission_key TEXT');
    db.exec('CREATE UNIQUE INDEX IF NOT EXISTS requests_submission_key ON requests (submission_key)');
    this.nextNumber = db
      .prepare<[number], number>('INSERT INTO request_counters (year, last) VALUES (?, 1) ON CONFLICT (year) DO UPDATE SET last = last + 1 RETURNING last')
      .pluck();
    this.insert = db.prepare(
      `INSERT INTO requests (reference, form_id, locale, status, answers, channel_id, owner, conversation_reference, submission_key, created_at, updated_at)
       VALUES (?, ?, ?, 'received', ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.selectSubmitted = db.prepare<[string], RequestRow>(`SELECT ${columns} FROM requests WHERE submission_key = ?`);
    this.selectOwnedBy = db.prepare<[string, number], RequestRow>(`SELECT ${columns} FROM requests WHERE owner = ? ORDER BY created_at DESC, reference DESC LIMIT ?`);
    this.selectSubmittedBy = db.prepare<[string, string], RequestRow>(`SELECT ${columns} FROM requests WHERE submission_key = ? AND owner = ?`);
    this.selectOne = db.prepare<[string], RequestRow>(`SELECT ${columns} FROM requests WHERE reference = ?`);
    this.selectOwned = db.prepare<[string, string], RequestRow>(`SELECT ${columns} FROM requests WHERE reference = ? AND owner = ?`);
    // A negative LIMIT means no limit in SQLite.
    this.selectList = db.prepare<[string | null, string | null, number], RequestRow>(
      `SELECT ${columns} FROM requests WHERE (? IS NULL OR status = ?) ORDER BY created_at DESC, reference DESC LIMIT ?`,
    );
    this.updateStatus = db.prepare('UPDATE requests SET status = ?, updated_at = ? WHERE reference = ?');
    this.deleteBefore = db.prepare<[string], string>('DELETE FROM requests WHERE created_at < ? RETURNING reference').pluck();

    this.submitTransaction = db.transaction((request: NewRequest, now: Date): Submission => {
      const earlier = request.submissionKey === undefined ? undefined : this.selectSubmitted.get(request.submissionKey);
      if (earlier) return { ...toRequest(earlier), alreadySubmitted: true };
      const year = now.getUTCFullYear();
      const reference = `IAD-${year}-${String(this.nextNumber.get(year)).padStart(6, '0')}`;
      const createdAt = now.toISOString();
      const { formId, locale, answers, channelId, userId, conversationReference, submissionKey, summary, originalSummary } = request;
      const conversation = conversationReference ? JSON.stringify(conversationReference) : null;
      this.insert.run(reference, formId, locale, JSON.stringify(answers), channelId, ownerOf(channelId, userId), conversation, submissionKey ?? null, createdAt, createdAt);
      options.outbox?.enqueue(reference, { type: 'iad.request.submitted', reference, formId, locale, submittedAt: createdAt, answers, ...(summary ? { summary } : {}), ...(originalSummary ? { original: originalSummary } : {}) });
      return { reference, formId, locale, status: 'received', answers: { ...answers }, channelId, createdAt, updatedAt: createdAt, alreadySubmitted: false };
    });
    this.purgeTransaction = db.transaction((before: Date): number => {
      const references = this.deleteBefore.all(before.toISOString());
      discardNotifications(db, references);
      return references.length;
    });
  }

  submit(request: NewRequest, now = new Date()): Submission {
    // IMMEDIATE takes the write lock before the key and the counter are read: no other
    // process can store the same submission or take the same number meanwhile.
    return this.submitTransaction.immediate(request, now);
  }

  statusFor(reference: string, channelId: string, userId: string): RequestStatusView | undefined {
    const row = this.selectOwned.get(reference, ownerOf(channelId, userId));
    return row && statusView(row);
  }

  ownedBy(channelId: string, userId: string, limit: number): RequestStatusView[] {
    return this.selectOwnedBy.all(ownerOf(channelId, userId), limit).map(statusView);
  }

  submittedWith(submissionKey: string, channelId: string, userId: string): RequestStatusView | undefined {
    const row = this.selectSubmittedBy.get(submissionKey, ownerOf(channelId, userId));
    return row && statusView(row);
  }

  get(reference: string): StoredRequest | undefined {
    const row = this.selectOne.get(reference);
    return row && toRequest(row);
  }

  list(options: { status?: RequestStatus; limit?: number } = {}): StoredRequest[] {
    const status = options.status === undefined ? null : RequestStatus.parse(options.status);
    return this.selectList.all(status, status, options.limit ?? -1).map(toRequest);
  }

  setStatus(reference: string, status: RequestStatus, now = new Date()): boolean {
    return this.updateStatus.run(RequestStatus.parse(status), now.toISOString(), reference).changes > 0;
  }

  purgeCreatedBefore(before: Date): number {
    return this.purgeTransaction(before);
  }
}

function ownerOf(channelId: string, userId: string): string {
  return createHash('sha256').update(`${channelId}\n${userId}`).digest('hex');
}

function statusView(row: RequestRow): RequestStatusView {
  return { reference: row.reference, formId: row.formId, status: row.status, createdAt: row.createdAt, updatedAt: row.updatedAt };
}

function toRequest(row: RequestRow): StoredRequest {
  return { ...row, answers: JSON.parse(row.answers) as Record<string, string> };
}
