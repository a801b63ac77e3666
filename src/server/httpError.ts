import type restify from 'restify';

/**
 * Every error this server answers has one shape, `{ error: { code, message } }` (the shape
 * Direct Line uses too), a reason a client can act on, and never internals.
 */
export function sendError(res: restify.Response, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  for (const [name, value] of Object.entries(headers)) res.header(name, value);
  res.send(status, { error: { code, message } });
}
