import type { AnswerChannelData } from '../bot/replies';
import type { BlindSet, FollowUpTurn } from './blindSet';
import type { Locale } from '../content/knowledgeEntry';

/** What a partner sees of one reply: its text (cards flattened), its buttons, and what it says about itself. */
export interface BotReply {
  text: string;
  buttons: { title: string; value?: unknown }[];
  iad?: AnswerChannelData;
}

/** A message typed, or a button pressed (its value). */
export type PartnerInput = string | { value: unknown };

/**
 * Something to talk to: each conversation starts fresh, its messages carrying the partner's
 * language as a channel does (`es` for a set written in Spanish); `say` returns the replies to one message.
 */
export interface ChatTarget {
  conversation(locale: Locale): (input: PartnerInput) => Promise<BotReply[]>;
}

export interface Failure {
  question: string;
  expected: string;
  got: string;
}

export interface Tally {
  total: number;
  correct: number;
  failures: Failure[];
}

export interface BlindReport {
  /**
   * In scope: answered at the first reply, containing the terms a right answer has.
   * `formsOpened` lists the plain questions after which a request form opened too: the cost of
   * reading requests eagerly, which the partner has to cancel.
   */
  answer: Tally & { clarified: number; clarifiedFirstRight: number; formsOpened: string[] };
  /** A detail the page does not give: said so (with what the page does say), or declined. */
  partial: Tally & { withContent: number; formsOpened: string[] };
  decline: Tally;
  /** A request started, of the right kind; `prefilled` counts the right service filled in. */
  requests: Tally & { prefilled: number };
  status: Tally;
  doItNow: Tally;
  /** Turns of follow-up conversations; `conversations` counts those right at every turn. */
  followUps: Tally & { conversations: number; conversationsRight: number };
}

/**
 * What the judge may know beyond the replies. The same entry answers in every language, so an
 * answer given in Spanish to a Spanish question in an English set is right when the entry's
 * English text has the terms the writer named (`englishText`); and a set written in another
 * language wants its answers in that language (`languageOf`, the bot's own detection).
 */
export interface JudgeHelp {
  englishText?: (entryId: string) => string | undefined;
  languageOf?: (text: string) => Locale | undefined;
}

/** The reply that carries the turn's decision (after typing and notes). */
function decisive(replies: BotReply[]): BotReply | undefined {
  return replies.find((reply) => reply.iad !== undefined);
}

/** The first answer among the replies: a message that is a question and a request gets both. */
function answerIn(replies: BotReply[]): BotReply | undefined {
  return replies.find((reply) => reply.iad?.decision === 'answer');
}

/** All the answers of a turn, read together: a message with two questions gets two. */
function answersText(replies: BotReply[]): string | undefined {
  const answers = replies.filter((reply) => reply.iad?.decision === 'answer');
  return answers.length === 0 ? undefined : answers.map((reply) => reply.text).join('\n');
}

/** Whether one of the replies starts a request form. */
function opensForm(replies: BotReply[]): boolean {
  return replies.some((reply) => reply.iad?.decision === 'form');
}

/** Whether one of the replies starts the form. */
function startsForm(replies: BotReply[], formId: string): { started: boolean; prefilled?: Record<string, string> } {
  const start = replies.find((reply) => reply.iad?.decision === 'form' && reply.iad.formId === formId);
  return { started: start !== undefined, prefilled: start?.iad?.prefilled };
}

function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

export function mentionsAll(text: string, terms: readonly string[]): boolean {
  const folded = fold(text);
  return terms.every((term) => term.split('|').some((alternative) => folded.includes(fold(alternative.trim()))));
}

function describe(replies: BotReply[]): string {
  const reply = decisive(replies);
  if (!reply?.iad) return `(no decision) ${replies.map((r) => r.text).join(' / ').slice(0, 120)}`;
  const { decision, entryId, options, formId, prefilled, missing } = reply.iad;
  const detail = entryId ?? (options ? options.join(' | ') : formId ? `${formId} ${JSON.stringify(prefilled ?? {})}` : reply.text.slice(0, 80));
  return `${decision}${missing ? ` (missing: ${missing})` : ''}: ${detail}`;
}

const FORM_SERVICE_FIELD: Record<string, string> = { 'request-assistance': 'assistanceType', 'request-training': 'topic' };
/** The form choice a blind label's service names. */
const SERVICE_VALUE: Record<string, string> = {
  tracing: 'tracing',
  'trafficking-assessment': 'trafficking-assessment',
  'response-team': 'response-team',
  bats: 'bats',
  laboratory: 'laboratory',
  'small-arms-trafficking': 'small-arms-trafficking',
  'post-blast': 'post-blast',
  arson: 'arson',
};

function tally(): Tally {
  return { total: 0, correct: 0, failures: [] };
}

function judge(target: Tally, question: string, ok: boolean, expected: string, replies: BotReply[]): void {
  target.total++;
  if (ok) target.correct++;
  else target.failures.push({ question, expected, got: describe(replies) });
}

/**
 * An answer with the terms a right answer has, in the set's language: the terms in the
 * replies, or in the English text of the entries answered (see `JudgeHelp`).
 */
function answeredRight(replies: BotReply[], terms: readonly string[], locale: Locale, help: JudgeHelp): boolean {
  const text = answersText(replies);
  if (text === undefined) return false;
  if (locale !== 'en' && help.languageOf && help.languageOf(text) !== locale) return false;
  if (mentionsAll(text, terms)) return true;
  const entries = replies.flatMap((reply) => (reply.iad?.decision === 'answer' && reply.iad.entryId ? [reply.iad.entryId] : []));
  const english = entries.map((id) => help.englishText?.(id) ?? '').join('\n');
  return english.trim() !== '' && mentionsAll(english, terms);
}

/** A turn of a follow-up conversation, judged as the same kind of question alone would be. */
function turnRight(turn: FollowUpTurn, replies: BotReply[], locale: Locale, help: JudgeHelp): boolean {
  if ('expect' in turn) return startsForm(replies, turn.expect).started;
  return answeredRight(replies, turn.mustMention, locale, help);
}

/** Puts every question of a blind set to the target, each in a conversation of its own (follow-ups share theirs). */
export async function evaluateBlindSet(target: ChatTarget, set: BlindSet, help: JudgeHelp = {}): Promise<BlindReport> {
  const report: BlindReport = {
    answer: { ...tally(), clarified: 0, clarifiedFirstRight: 0, formsOpened: [] },
    partial: { ...tally(), withContent: 0, formsOpened: [] },
    decline: tally(),
    requests: { ...tally(), prefilled: 0 },
    status: tally(),
    doItNow: tally(),
    followUps: { ...tally(), conversations: 0, conversationsRight: 0 },
  };
  const ask = (q: string) => target.conversation(set.locale)(q);

  for (const item of set.answer) {
    const say = target.conversation(set.locale);
    const replies = await say(item.q);
    const reply = decisive(replies);
    judge(report.answer, item.q, answeredRight(replies, item.mustMention, set.locale, help), item.mustMention.join(' + '), replies);
    if (opensForm(replies)) report.answer.formsOpened.push(item.q);
    if (reply?.iad?.decision === 'clarify') {
      report.answer.clarified++;
      // Whether the first option was right: pressed, as a partner would.
      const first = reply.buttons[0];
      const chosen = first ? decisive(await say({ value: first.value })) : undefined;
      if (chosen?.iad?.decision === 'answer' && mentionsAll(chosen.text, item.mustMention)) report.answer.clarifiedFirstRight++;
    }
  }
  for (const item of set.partial) {
    const replies = await ask(item.q);
    const iad = (answerIn(replies) ?? decisive(replies))?.iad;
    const withContent = iad?.decision === 'answer' && iad.missing !== undefined;
    if (withContent) report.partial.withContent++;
    if (opensForm(replies)) report.partial.formsOpened.push(item.q);
    judge(report.partial, item.q, withContent || iad?.decision === 'fallback', `says the page does not give ${item.missing}`, replies);
  }
  for (const item of set.decline) {
    const replies = await ask(item.q);
    judge(report.decline, item.q, decisive(replies)?.iad?.decision === 'fallback', 'declined', replies);
  }
  for (const item of set.requests) {
    const replies = await ask(item.q);
    const formId = `request-${item.form}`;
    const { started, prefilled } = startsForm(replies, formId);
    judge(report.requests, item.q, started, `${formId} (${item.service})`, replies);
    const value = SERVICE_VALUE[item.service];
    if (started && value && prefilled?.[FORM_SERVICE_FIELD[formId]!] === value) report.requests.prefilled++;
  }
  for (const item of set.status) {
    const replies = await ask(item.q);
    judge(report.status, item.q, decisive(replies)?.iad?.decision === 'status', 'status of my requests', replies);
  }
  for (const item of set.doItNow) {
    const replies = await ask(item.q);
    const iad = decisive(replies)?.iad;
    judge(report.doItNow, item.q, iad?.decision === 'cannotDo', 'says it cannot do it itself, offers the request', replies);
  }
  for (const conversation of set.followUps) {
    const say = target.conversation(set.locale);
    let allRight = true;
    for (const turn of conversation.turns) {
      const replies = await say(turn.q);
      const right = turnRight(turn, replies, set.locale, help);
      allRight &&= right;
      judge(report.followUps, turn.q, right, 'expect' in turn ? turn.expect : turn.mustMention.join(' + '), replies);
    }
    report.followUps.conversations++;
    if (allRight) report.followUps.conversationsRight++;
  }
  return report;
}
