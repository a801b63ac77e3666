import { describeError, type Logger } from '../logger';
import type { SqliteDatabase } from './database';

export interface OutboxOptions {
  webhookUrl: string;
  logger: Logger;
  /** Injectable for tests; default the global fetch. */
  fetch?: typeof fetch;
  now?: () => Date;
  /** First retry delay (default 5 s); it doubles with each failed attempt up to maxDelayMs (default 15 min), plus up to 20% jitter. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Per POST, default 10 s. */
  timeoutMs?: number;
}

export interface PendingNotification {
  reference: string;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
}

interface DueRow {
  id: number;
  reference: string;
  payload: string;
  attempts: number;
}

function createOutboxTable(db: SqliteDatabase): void {
  db.exec(`CREATE TABLE IF NOT EXISTS staff_outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    request_reference TEXT NOT NULL COLLATE NOCASE,
    payload TEXT NOT NULL,
    created_at TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    last_error TEXT,
    delivered_at TEXT
  );
  CREATE INDEX IF NOT EXISTS staff_outbox_due ON staff_outbox (next_attempt_at) WHERE delivered_at IS NULL;
  CREATE INDEX IF NOT EXISTS staff_outbox_reference ON staff_outbox (request_reference)`);
}

/**
 * Removes the notifications of requests being purged, delivered or not: the retention
 * period outranks delivery, since a payload holds the partner's answers. Works whether or
 * not a webhook is configured, so a purge never leaves personal data behind.
 */
export function discardNotifications(db: SqliteDatabase, requestReferences: string[]): void {
  createOutboxTable(db);
  db.prepare('DELETE FROM staff_outbox WHERE request_reference IN (SELECT value FROM json_each(?))').run(JSON.stringify(requestReferences));
}

/**
 * Staff notifications of new requests, posted to a webhook. Items are written in the
 * request's own transaction (so a stored request always has its notification) and only
 * leave the table once delivered or purged with their request: a failed POST is retried
 * with exponential backoff, never dropped. Logs carry the reference, never the payload.
 */
export class Outbox {
  private readonly insert;
  private readonly due;
  private readonly claim;
  private readonly delivered;
  private readonly failed;
  private readonly pendingRows;
  private readonly now: () => Date;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly timeoutMs: number;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(db: SqliteDatabase, private readonly options: OutboxOptions) {
    createOutboxTable(db);
    this.insert = db.prepare('INSERT INTO staff_outbox (request_reference, payload, created_at, next_attempt_at) VALUES (?, ?, ?, ?)');
    this.due = db.prepare<[string], DueRow>(
      'SELECT id, request_reference AS reference, payload, attempts FROM staff_outbox WHERE delivered_at IS NULL AND next_attempt_at <= ? ORDER BY id',
    );
    this.claim = db.prepare('UPDATE staff_outbox SET next_attempt_at = ? WHERE id = ? AND delivered_at IS NULL AND next_attempt_at <= ?');
    // Once staff have it, the payload (the partner's answers) is not kept twice: the request row is the record.
    this.delivered = db.prepare("UPDATE staff_outbox SET attempts = attempts + 1, delivered_at = ?, last_error = NULL, payload = '' WHERE id = ?");
    this.failed = db.prepare('UPDATE staff_outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?');
    this.pendingRows = db.prepare<[], PendingNotification>(
      `SELECT request_reference AS reference, attempts, next_attempt_at AS nextAttemptAt, last_error AS lastError
       FROM staff_outbox WHERE delivered_at IS NULL ORDER BY id`,
    );
    this.now = options.now ?? (() => new Date());
    this.baseDelayMs = options.baseDelayMs ?? 5_000;
    this.maxDelayMs = options.maxDelayMs ?? 15 * 60_000;
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  /** Called by the request store inside its transaction, on the same database connection. */
  enqueue(requestReference: string, payload: object): void {
    const now = this.now().toISOString();
    this.insert.run(requestReference, JSON.stringify(payload), now, now);
  }

  /** Posts every due item once (oldest first); a 2xx marks it delivered, anything else schedules a retry. */
  async deliverDue(): Promise<{ delivered: number; failed: number }> {
    const counts = { delivered: 0, failed: 0 };
    for (const item of this.due.all(this.now().toISOString())) {
      const now = this.now();
      // Claimed for twice the POST timeout, so another process (or run) delivering from the same file skips it meanwhile.
      const claimedUntil = new Date(now.getTime() + 2 * this.timeoutMs).toISOString();
      if (this.claim.run(claimedUntil, item.id, now.toISOString()).changes === 0) continue;
      const error = await this.post(item);
      const attempts = item.attempts + 1;
      if (error === undefined) {
        this.delivered.run(this.now().toISOString(), item.id);
        this.options.logger.info('outbox.delivered', { reference: item.reference, attempts });
        counts.delivered += 1;
      } else {
        const nextAttemptAt = new Date(this.now().getTime() + this.retryDelayMs(attempts)).toISOString();
        this.failed.run(nextAttemptAt, error, item.id);
        this.options.logger.warn('outbox.delivery-failed', { reference: item.reference, attempts, error, nextAttemptAt });
        counts.failed += 1;
      }
    }
    return counts;
  }

  pending(): PendingNotification[] {
    return this.pendingRows.all();
  }

  /** Runs deliverDue every intervalMs, one run at a time; the timer does not keep the process alive. */
  start(intervalMs: number): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.deliverDue()
        .catch((error: unknown) => this.options.logger.error('outbox.run-failed', describeError(error)))
        .finally(() => (this.running = undefined));
    }, intervalMs).unref();
  }

  /** Stops the timer and waits for a delivery run in progress. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** undefined when delivered, otherwise what went wrong: a status code or an error's name and message, never the payload. */
  private async post(item: DueRow): Promise<string | undefined> {
    try {
      const response = await (this.options.fetch ?? fetch)(this.options.webhookUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-iad-reference': item.reference },
        body: item.payload,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      // The answer's body is of no use; dropping it frees the connection.
      await response.body?.cancel();
      return response.ok ? undefined : `HTTP ${response.status}`;
    } catch (error) {
      return describeFailure(error);
    }
  }

  private retryDelayMs(attempts: number): number {
    const delay = Math.min(this.baseDelayMs * 2 ** (attempts - 1), this.maxDelayMs);
    // Jitter spreads the retries of many items queued during the same outage.
    return Math.round(delay * (1 + 0.2 * Math.random()));
  }
}

/** fetch reports network failures as "fetch failed" with the useful part (ECONNREFUSED, ...) in its cause. */
function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (${(error.cause as NodeJS.ErrnoException).code ?? error.cause.message})` : '';
  return `${error.name}: ${error.message}${cause}`;
}
