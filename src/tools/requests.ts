import { join } from 'node:path';
import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { openDatabase } from '../storage/database';
import { Outbox } from '../storage/outbox';
import { RequestStatus, SqliteRequestStore, type RequestStore, type StoredRequest } from '../storage/requestStore';
import { purgeExpired, type RetentionDays } from '../storage/retention';
import { SqliteStorage } from '../storage/sqliteStorage';
import { runTool } from './cli';

export const USAGE = `Usage: npm run requests -- <command>
  list [--status S]            requests, newest first
  show <reference>             one request, every field
  export --csv                 every request as CSV on stdout
  set-status <reference> <S>   S: ${RequestStatus.options.join(', ')}
  purge [--days N]             delete requests older than N days (default REQUEST_RETENTION_DAYS)
                               and conversations idle longer than STATE_RETENTION_DAYS
  outbox                       staff notifications not delivered yet`;

export interface RequestsCommandStores {
  requests: RequestStore;
  state: SqliteStorage;
  outbox: Outbox | undefined;
}

/**
 * `npm run requests -- <command>`: what staff do with partners' requests. Returns the exit
 * code: 0 done, 1 not found or nothing to act on, 2 a usage mistake. Every line goes through
 * `terminalSafe`: what partners typed cannot drive the staff member's terminal.
 */
export function runRequestsCommand(
  args: string[],
  stores: RequestsCommandStores,
  print: (line: string) => void,
  options: { retention: RetentionDays; now?: Date },
): number {
  const { requests: store, outbox } = stores;
  const out = (line: string) => print(terminalSafe(line));
  const [command, ...rest] = args;
  const parsed = parseArguments(rest, { '--status': true, '--days': true, '--csv': false });
  const usage = () => {
    out(USAGE);
    return 2;
  };
  if (!parsed) return usage();
  const { positional, flags } = parsed;
  const only = (...allowed: string[]) => Object.keys(flags).every((flag) => allowed.includes(flag));

  switch (command) {
    case 'list': {
      if (positional.length > 0 || !only('--status')) return usage();
      const status = flags['--status'] === undefined ? undefined : RequestStatus.safeParse(flags['--status']);
      if (status && !status.success) return unknownStatus(String(flags['--status']), out);
      const requests = store.list({ status: status?.data });
      if (requests.length === 0) {
        out('No requests.');
        return 0;
      }
      const rows = requests.map((r) => [r.reference, r.status, r.formId, r.createdAt.slice(0, 16).replace('T', ' '), r.answers.country ?? '', r.answers.agency ?? '']);
      table(['reference', 'status', 'form', 'created (UTC)', 'country', 'agency'], rows).forEach((line) => out(line));
      return 0;
    }
    case 'show': {
      if (positional.length !== 1 || !only()) return usage();
      const request = store.get(positional[0]!);
      if (!request) return notFound(positional[0]!, out);
      const fields: [string, string][] = [
        ['reference', request.reference],
        ['status', request.status],
        ['form', request.formId],
        ['locale', request.locale],
        ['channel', request.channelId],
        ['created', request.createdAt],
        ['updated', request.updatedAt],
        ...Object.entries(request.answers),
      ];
      // Continuation lines are indented so a multi-line answer cannot pass for another field.
      for (const [name, value] of fields) out(`${name}: ${value.replace(/\r?\n/g, '\n  ')}`);
      return 0;
    }
    case 'export': {
      if (positional.length > 0 || flags['--csv'] !== true || !only('--csv')) return usage();
      exportCsv(store.list(), out);
      return 0;
    }
    case 'set-status': {
      if (positional.length !== 2 || !only()) return usage();
      const [reference, value] = positional as [string, string];
      const status = RequestStatus.safeParse(value);
      if (!status.success) return unknownStatus(value, out);
      if (!store.setStatus(reference, status.data, options.now)) return notFound(reference, out);
      out(`${reference.toUpperCase()} is now ${status.data}.`);
      return 0;
    }
    case 'purge': {
      if (positional.length > 0 || !only('--days')) return usage();
      const days = flags['--days'] === undefined ? options.retention.requests : Number(flags['--days']);
      if (!Number.isInteger(days) || days < 1) return usage();
      const purged = purgeExpired(stores, { ...options.retention, requests: days }, options.now);
      out(`Deleted ${plural(purged.requests, 'request')} created before ${purged.requestsBefore.toISOString()} (older than ${days} days).`);
      out(`Deleted ${plural(purged.states, 'conversation state')} idle since before ${purged.statesBefore.toISOString()} (older than ${options.retention.conversationState} days).`);
      return 0;
    }
    case 'outbox': {
      if (positional.length > 0 || !only()) return usage();
      if (!outbox) {
        out('No staff webhook is configured (STAFF_WEBHOOK_URL), so there is no notification outbox.');
        return 1;
      }
      const pending = outbox.pending();
      if (pending.length === 0) {
        out('No notifications waiting: every request has reached staff.');
        return 0;
      }
      const rows = pending.map((p) => [p.reference, String(p.attempts), p.nextAttemptAt, p.lastError ?? '']);
      table(['reference', 'attempts', 'next attempt (UTC)', 'last error'], rows).forEach((line) => out(line));
      return 0;
    }
    default:
      return usage();
  }
}

/** `--flag value` and `--switch` options apart from the positional arguments; undefined for an unknown flag or a missing value. */
function parseArguments(
  args: string[],
  known: Record<string, boolean>,
): { positional: string[]; flags: Record<string, string | true> } | undefined {
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
    } else if (!(arg in known)) {
      return undefined;
    } else if (!known[arg]) {
      flags[arg] = true;
    } else if (args[i + 1] === undefined) {
      return undefined;
    } else {
      flags[arg] = args[++i]!;
    }
  }
  return { positional, flags };
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * A line as a terminal should show it: control characters (escape sequences, carriage
 * returns, backspaces) and bidirectional overrides that partners' text could carry are
 * removed; line breaks and tabs stay.
 */
export function terminalSafe(line: string): string {
  return line.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
}

function notFound(reference: string, out: (line: string) => void): number {
  out(`No request ${reference}.`);
  return 1;
}

function unknownStatus(value: string, out: (line: string) => void): number {
  out(`Unknown status "${value}": use one of ${RequestStatus.options.join(', ')}.`);
  return 2;
}

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((name, column) => Math.max(name.length, ...rows.map((row) => row[column]!.length)));
  return [header, ...rows].map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd());
}

/** One row per request, the fixed fields then every answer key (in the order first seen), for a spreadsheet. */
function exportCsv(requests: StoredRequest[], out: (line: string) => void): void {
  const answerKeys = [...new Set(requests.flatMap((request) => Object.keys(request.answers)))];
  out(['reference', 'status', 'form', 'locale', 'channel', 'created', 'updated', ...answerKeys].map(csvCell).join(','));
  for (const r of requests) {
    out([r.reference, r.status, r.formId, r.locale, r.channelId, r.createdAt, r.updatedAt, ...answerKeys.map((key) => r.answers[key] ?? '')].map(csvCell).join(','));
  }
}

/**
 * RFC 4180 quoting, after neutralising formulas: a spreadsheet would run a partner's
 * "=HYPERLINK(...)" answer, so a leading =, +, -, @ (or tab and carriage return, which
 * OWASP lists too) gets a ' in front and is shown as text.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

// Only when run as a program, so that tests can import runRequestsCommand.
if (require.main === module) {
  runTool((args) => {
    const config = loadConfig();
    const db = openDatabase(join(config.DATA_DIR, 'iad.sqlite'));
    const outbox = config.STAFF_WEBHOOK_URL ? new Outbox(db, { webhookUrl: config.STAFF_WEBHOOK_URL, logger: createLogger(config.LOG_LEVEL) }) : undefined;
    try {
      return runRequestsCommand(args, { requests: new SqliteRequestStore(db, { outbox }), state: new SqliteStorage(db), outbox }, (line) => console.log(line), {
        retention: { requests: config.REQUEST_RETENTION_DAYS, conversationState: config.STATE_RETENTION_DAYS },
      });
    } finally {
      db.close();
    }
  });
}
