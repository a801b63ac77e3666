export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/**
 * Structured, one JSON object per line. Callers pass named fields (conversation id,
 * decision, entry id, score), never what a partner typed: personal data stays out of logs.
 */
export interface Logger {
  debug(event: string, fields?: Record<string, unknown>): void;
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

export function createLogger(level: LogLevel, write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Logger {
  const log = (at: LogLevel) => (event: string, fields: Record<string, unknown> = {}) => {
    if (order[at] < order[level]) return;
    write(JSON.stringify({ time: new Date().toISOString(), level: at, event, ...fields }));
  };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

/** The parts of an error worth logging: its type and message, plus the stack for our own debugging. */
export function describeError(error: unknown): Record<string, unknown> {
  return error instanceof Error ? { error: error.name, message: error.message, stack: error.stack } : { error: String(error) };
}
