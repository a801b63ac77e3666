import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eng, fra, nld, spa } from 'stopword';
import { isMap, isScalar, isSeq, parseDocument, type ToStringOptions } from 'yaml';
import { loadConfig } from '../config';
import { displayPath } from '../content/yamlFile';
import { openDatabase } from '../storage/database';
import { FeedbackKind, SqliteFeedbackLog, type FeedbackSummary } from '../storage/feedbackLog';
import { runTool } from './cli';
import { terminalSafe } from './requests';

export const USAGE = `Usage: npm run report -- [N]                    the N most frequent questions, similar ones grouped (default 20)
       npm run report -- add <group> [<entry-id>]  add a group's wording as an alternate question of an entry
                                                   (default: the entry the group most likely belongs to)`;

/** Similar questions partners asked, and what the bot did with them. */
export interface QuestionGroup {
  count: number;
  kinds: Map<FeedbackKind, number>;
  /** ISO 8601, UTC. */
  lastSeen: string;
  /** The most frequent wording (the latest among equals); undefined for ratings recorded without their question. */
  question: string | undefined;
  /** The entry the engine most often ranked first for these questions (for ratings without one, the entry rated). */
  entryId: string | undefined;
}

/**
 * Words that do not tell questions apart ("the", "what", "how", "can", "I"), in the
 * languages partners write in, plus those the stopword lists lack.
 */
const STOP_WORDS = new Set([...eng, ...spa, ...fra, ...nld, 'does', 'doing', 'please']);
const NEAR_DUPLICATE = 0.6;

/**
 * Groups the feedback by question. Questions with the same words, whatever their case,
 * punctuation, stop words and word order, are one group. A group also takes near-duplicates
 * whose words overlap with its first question's by a Jaccard similarity of at least 0.6
 * ("get etrace access" and "get etrace access for our agency"): comparing with that first,
 * most frequent question rather than with any member keeps groups from drifting through
 * chains of small changes to a topic the wording shown does not name. Groups are ordered by
 * count, then by the latest; the same feedback always gives the same order, which is what
 * lets `add <group>` use the numbers the listing printed.
 */
export function groupFeedback(rows: readonly FeedbackSummary[]): QuestionGroup[] {
  const byKey = new Map<string, { words: string[]; rows: FeedbackSummary[] }>();
  for (const row of rows) {
    const words = contentWords(row.question ?? '');
    // Words keys have no punctuation, so these cannot collide with them. A rating without its
    // question is grouped with the entry's other ratings; a question of stop words only with its exact wording.
    const key =
      row.question === null ? `rating:${row.entryId ?? row.suggestedEntryId ?? ''}` : words.length > 0 ? words.join(' ') : `wording:${normalized(row.question)}`;
    const bucket = byKey.get(key) ?? { words, rows: [] };
    bucket.rows.push(row);
    byKey.set(key, bucket);
  }

  const buckets = [...byKey.entries()].map(([key, bucket]) => ({ key, ...bucket, summary: summarize(bucket.rows) }));
  buckets.sort((a, b) => byFrequency(a.summary, b.summary) || a.key.localeCompare(b.key));
  const merged: { seed: Set<string>; rows: FeedbackSummary[] }[] = [];
  for (const bucket of buckets) {
    const words = new Set(bucket.words);
    const group = words.size > 0 ? merged.find((candidate) => jaccard(candidate.seed, words) >= NEAR_DUPLICATE) : undefined;
    if (group) group.rows.push(...bucket.rows);
    else merged.push({ seed: words, rows: [...bucket.rows] });
  }
  return merged.map((group) => summarize(group.rows)).sort(byFrequency);
}

function summarize(rows: readonly FeedbackSummary[]): QuestionGroup {
  const kinds = new Map<FeedbackKind, number>();
  const wordings = new Map<string, { count: number; lastSeen: string }>();
  const entries = new Map<string, { count: number; lastSeen: string }>();
  const tally = (counts: Map<string, { count: number; lastSeen: string }>, key: string, row: FeedbackSummary) => {
    const seen = counts.get(key);
    counts.set(key, { count: (seen?.count ?? 0) + row.count, lastSeen: seen && seen.lastSeen > row.lastSeen ? seen.lastSeen : row.lastSeen });
  };
  for (const row of rows) {
    kinds.set(row.kind, (kinds.get(row.kind) ?? 0) + row.count);
    if (row.question?.trim()) tally(wordings, row.question.trim(), row);
    const entryId = row.suggestedEntryId ?? row.entryId;
    if (entryId) tally(entries, entryId, row);
  }
  return {
    count: rows.reduce((sum, row) => sum + row.count, 0),
    kinds: new Map(FeedbackKind.options.filter((kind) => kinds.has(kind)).map((kind) => [kind, kinds.get(kind)!])),
    lastSeen: rows.reduce((latest, row) => (row.lastSeen > latest ? row.lastSeen : latest), ''),
    question: mostFrequent(wordings),
    entryId: mostFrequent(entries),
  };
}

function mostFrequent(counts: Map<string, { count: number; lastSeen: string }>): string | undefined {
  return [...counts.entries()].sort(([a, x], [b, y]) => y.count - x.count || y.lastSeen.localeCompare(x.lastSeen) || a.localeCompare(b))[0]?.[0];
}

function byFrequency(a: QuestionGroup, b: QuestionGroup): number {
  return b.count - a.count || b.lastSeen.localeCompare(a.lastSeen) || (a.question ?? '').localeCompare(b.question ?? '');
}

/** Lowercase, without punctuation, spaces collapsed: "What is IAD?" and "what is iad" are one wording. */
function normalized(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The question's distinct words without stop words, sorted. */
function contentWords(question: string): string[] {
  return [...new Set(normalized(question).split(' '))].filter((word) => word && !STOP_WORDS.has(word)).sort();
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / (a.size + b.size - shared);
}

/** The groups as a table, numbered as `add <group>` expects. */
export function formatReport(groups: readonly QuestionGroup[]): string[] {
  const rows = groups.map((group, i) => [
    String(i + 1),
    String(group.count),
    group.kinds.size === 1 ? [...group.kinds.keys()][0]! : [...group.kinds].map(([kind, count]) => `${kind} ${count}`).join(', '),
    group.lastSeen.slice(0, 16).replace('T', ' '),
    group.entryId ?? '-',
    group.question ?? '(no question recorded)',
  ]);
  const header = ['#', 'count', 'kinds', 'last seen (UTC)', 'entry', 'question (personal data removed)'];
  const widths = header.map((name, column) => Math.max(name.length, ...rows.map((row) => row[column]!.length)));
  const numeric = new Set([0, 1]);
  return [header, ...rows].map((row) =>
    row
      .map((cell, column) => (numeric.has(column) ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd(),
  );
}

export type AddResult = { added: true; file: string; line: number } | { added: false; reason: string };

/**
 * How entry files are written back: no folding of long questions and `[a, b]` without
 * padding, which is how the entry files are written. A file this would reformat is refused
 * rather than rewritten, so adding a question changes only the lines of that question.
 */
const WRITE_OPTIONS: ToStringOptions = { lineWidth: 0, flowCollectionPadding: false };

/**
 * Appends `question` to the `questions:` of entry `entryId` in the entries file (a YAML file
 * of `entriesDir`) that holds it, keeping the file's comments and layout. Refuses when no
 * file holds the entry, the entry already has that wording (case and punctuation aside), or
 * the file cannot be written back unchanged apart from the new line.
 */
export function addAlternateQuestion(entriesDir: string, entryId: string, question: string): AddResult {
  const files = readdirSync(entriesDir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => join(entriesDir, name));
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const doc = parseDocument(text);
    if (doc.errors.length > 0) {
      if (text.includes(entryId)) return refused(`${displayPath(file)} has YAML errors: fix them first (npm run knowledge:check).`);
      continue;
    }
    const entries = doc.get('entries');
    const index = isSeq(entries) ? entries.items.findIndex((item) => isMap(item) && item.get('id') === entryId) : -1;
    if (index < 0) continue;
    const questions = doc.getIn(['entries', index, 'questions'], true);
    if (!isSeq(questions)) return refused(`Entry ${entryId} in ${displayPath(file)} has no questions: list to add to.`);
    const existing = questions.items.findIndex((item) => isScalar(item) && normalized(String(item.value)) === normalized(question));
    if (existing >= 0) return refused(`"${question}" is already an alternate question of ${entryId} (${displayPath(file)}).`);
    if (doc.toString(WRITE_OPTIONS) !== text) return refused(`${displayPath(file)} is laid out in a way the YAML writer would change: add "${question}" to ${entryId} by hand.`);
    questions.add(doc.createNode(question));
    const updated = doc.toString(WRITE_OPTIONS);
    writeFileSync(file, updated);
    return { added: true, file: displayPath(file), line: firstChangedLine(text, updated) };
  }
  return refused(`No entry ${entryId} in ${displayPath(entriesDir)}.`);
}

function refused(reason: string): AddResult {
  return { added: false, reason };
}

function firstChangedLine(before: string, after: string): number {
  const old = before.split('\n');
  const lines = after.split('\n');
  const index = lines.findIndex((line, i) => line !== old[i]);
  return index + 1;
}

/** What redaction puts in place of personal data: a wording with it is no question a partner would type. */
const REDACTED = /\[(?:name|email|link|number)\]/;

/**
 * `npm run report -- [N]` and `npm run report -- add <group> [<entry-id>]`. Returns the exit
 * code: 0 done, 1 nothing to add or a refusal, 2 a usage mistake. Lines go through
 * `terminalSafe`: what partners typed cannot drive the author's terminal.
 */
export function runReportCommand(args: string[], feedback: readonly FeedbackSummary[], entriesDir: string, print: (line: string) => void): number {
  const out = (line: string) => print(terminalSafe(line));
  const groups = groupFeedback(feedback);
  if (args[0] === 'add') {
    if (args.length < 2 || args.length > 3 || !/^\d+$/.test(args[1]!)) return usage(out);
    const number = Number(args[1]);
    const group = groups[number - 1];
    if (!group) return refuse(out, `No group ${number}: the report has ${groups.length} (npm run report -- ${Math.max(groups.length, 1)} lists them).`);
    if (!group.question) return refuse(out, `Group ${number} counts ratings recorded without their question: there is no wording to add.`);
    if (REDACTED.test(group.question)) return refuse(out, `Group ${number}'s wording had personal data removed: add it by hand, in words a partner would type.`);
    const entryId = args[2] ?? group.entryId;
    if (!entryId) return refuse(out, `Group ${number} has no likely entry: name one, npm run report -- add ${number} <entry-id>.`);
    const result = addAlternateQuestion(entriesDir, entryId, group.question);
    if (!result.added) return refuse(out, result.reason);
    out(`Added "${group.question}" to ${entryId}: ${result.file}:${result.line}`);
    out('Run npm run knowledge:check to see how the knowledge answers it now.');
    return 0;
  }
  if (args.length > 1 || (args[0] !== undefined && !/^[1-9]\d*$/.test(args[0]))) return usage(out);
  if (groups.length === 0) {
    out('Nothing recorded yet: no unanswered, unclear or unsure questions and no rated answers.');
    return 0;
  }
  formatReport(groups.slice(0, Number(args[0] ?? 20))).forEach((line) => out(line));
  out('');
  out("To add a group's wording to its entry: npm run report -- add <#> [<entry-id>]");
  return 0;
}

function usage(out: (line: string) => void): number {
  out(USAGE);
  return 2;
}

function refuse(out: (line: string) => void, reason: string): number {
  out(reason);
  return 1;
}

// Only when run as a program, so that tests can import the functions above.
if (require.main === module) {
  runTool((args) => {
    const config = loadConfig();
    const db = openDatabase(join(config.DATA_DIR, 'iad.sqlite'));
    try {
      const feedback = new SqliteFeedbackLog(db).mostFrequent();
      return runReportCommand(args, feedback, join(config.KNOWLEDGE_DIR, 'en', 'entries'), (line) => console.log(line));
    } finally {
      db.close();
    }
  });
}
