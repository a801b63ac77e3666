import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { ContentError, type ContentProblem } from './contentError';

/** Where a value was found in its YAML file, so later cross-file checks can still name a line. */
export interface YamlSource {
  file: string;
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

export interface ParsedYaml<T> {
  data: T;
  source: YamlSource;
}

/** Paths in messages are relative to the working directory: that is what an author opens. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}

/**
 * Reads a YAML file and checks it against a zod schema. Syntax errors and schema violations
 * become one ContentError listing each problem with its line and field path.
 */
export function readYamlFile<S extends z.ZodType>(file: string, schema: S): ParsedYaml<z.infer<S>> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ContentError([{ file: displayPath(file), message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` }]);
  }
  return parseYamlText(text, file, schema);
}

export function parseYamlText<S extends z.ZodType>(text: string, file: string, schema: S): ParsedYaml<z.infer<S>> {
  const shownFile = displayPath(file);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ContentError(
      doc.errors.map((error) => ({
        file: shownFile,
        line: lineCounter.linePos(error.pos[0]).line,
        message: `YAML syntax: ${firstLine(error.message)}`,
      })),
    );
  }
  const source: YamlSource = { file: shownFile, lineOf: (path) => lineOfPath(doc, lineCounter, path) };
  const result = schema.safeParse(doc.toJS());
  if (!result.success) {
    const problems: ContentProblem[] = result.error.issues.map((issue) => ({
      file: shownFile,
      line: source.lineOf(issue.path),
      field: formatFieldPath(issue.path),
      message: issue.message,
    }));
    throw new ContentError(problems);
  }
  return { data: result.data, source };
}

/** `entries[2].questions[0]`: the notation authors see in the YAML outline of their editor. */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('') || '(top level)';
}

/** The line of the deepest node that exists on the path (a missing key points at its parent). */
function lineOfPath(doc: Document, lineCounter: LineCounter, path: readonly PropertyKey[]): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
  }
  return undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
