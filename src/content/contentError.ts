/**
 * A mistake in a content file (knowledge, dialogs, configuration YAML). It carries every
 * problem found with its file, line and field so an author can fix them all in one pass;
 * start-up and the authoring tools print `toString()` and never a stack trace.
 */
export interface ContentProblem {
  file: string;
  line?: number;
  field?: string;
  message: string;
}

export class ContentError extends Error {
  readonly problems: ContentProblem[];

  constructor(problems: ContentProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ContentError';
    this.problems = problems;
  }

  override toString(): string {
    return this.message;
  }
}

export function formatProblem(problem: ContentProblem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  const field = problem.field ? ` ${problem.field}:` : '';
  return `${where}:${field} ${problem.message}`;
}

/** Collects problems from several checks so they are reported together. */
export function throwIfAny(problems: ContentProblem[]): void {
  if (problems.length > 0) throw new ContentError(problems);
}
