import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { knowledgeLocales, loadKnowledge, type KnowledgeBase } from '../src/content/loadKnowledge';
import { AnswerEngine } from '../src/engine/answerEngine';
import { EngineSet } from '../src/engine/engineSet';
import { createLogger, type Logger } from '../src/logger';

export const KNOWLEDGE_DIR = join(__dirname, '..', 'knowledge');

let shared: { knowledge: KnowledgeBase; engine: AnswerEngine } | undefined;

/** The real knowledge and an engine over it, built once for the whole suite. */
export function realEngine(): { knowledge: KnowledgeBase; engine: AnswerEngine } {
  if (!shared) {
    const knowledge = loadKnowledge(KNOWLEDGE_DIR);
    shared = { knowledge, engine: new AnswerEngine(knowledge) };
  }
  return shared;
}

let sharedSet: EngineSet | undefined;

/** Engines in every language of the real knowledge (English shared with realEngine), built once. */
export function realEngines(): EngineSet {
  sharedSet ??= new EngineSet([realEngine().engine, ...knowledgeLocales(KNOWLEDGE_DIR).filter((l) => l !== 'en').map((l) => new AnswerEngine(loadKnowledge(KNOWLEDGE_DIR, l)))], 'en');
  return sharedSet;
}

/** A scratch folder removed after the test run. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `iad-${prefix}-`));
  after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A copy of the real knowledge folder that a test may break. */
export function knowledgeCopy(): string {
  const dir = join(tempDir('knowledge'), 'knowledge');
  cpSync(KNOWLEDGE_DIR, dir, { recursive: true });
  return dir;
}

/** A logger that keeps its lines for assertions instead of printing them. */
export function memoryLogger(level: 'debug' | 'info' = 'debug'): Logger & { lines: string[] } {
  const lines: string[] = [];
  return Object.assign(createLogger(level, (line) => lines.push(line)), { lines });
}

interface CardAction {
  type: string;
  title: string;
  data?: unknown;
  card?: CardLike;
}

interface CardElement {
  type: string;
  text?: string;
  facts?: { title: string; value: string }[];
  actions?: CardAction[];
  columns?: CardElement[];
  items?: CardElement[];
  selectAction?: CardAction;
}

interface CardLike {
  body?: CardElement[];
  actions?: CardAction[];
}

/** Every element of a card body, columns and their items included. */
function elements(list: CardElement[] = []): CardElement[] {
  return list.flatMap((element) => [element, ...elements(element.columns), ...elements(element.items)]);
}

/** The text an Adaptive Card shows (its TextBlocks and facts), for assertions on card replies. */
export function cardText(activity: { attachments?: { content?: unknown }[] }): string {
  const card = activity.attachments?.[0]?.content as CardLike | undefined;
  return elements(card?.body)
    .flatMap((block) => [block.text ?? '', ...(block.facts ?? []).map((f) => `${f.title}: ${f.value}`)])
    .filter(Boolean)
    .join('\n');
}

/** The buttons of an Adaptive Card reply (action sets, tappable columns, card actions): titles and values; `nested` also inside Action.ShowCard. */
export function cardActions(activity: { attachments?: { content?: unknown }[] }, options: { nested?: boolean } = {}): { title: string; data?: unknown }[] {
  const collect = (card: CardLike | undefined): { title: string; data?: unknown }[] => {
    const inBody = elements(card?.body).flatMap((element) => [...(element.actions ?? []), ...(element.selectAction ? [element.selectAction] : [])]);
    return [...inBody, ...(card?.actions ?? [])].flatMap(({ title, data, card: inner }) => [{ title, data }, ...(options.nested && inner ? collect(inner) : [])]);
  };
  return collect(activity.attachments?.[0]?.content as CardLike | undefined);
}
