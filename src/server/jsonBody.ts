import type restify from 'restify';
import { sendError } from './httpError';

/** Deeper than any activity or card a channel sends; deeper JSON only makes recursion expensive. */
const MAX_DEPTH = 64;

/**
 * Reads a JSON request body, and nothing else. Bot Framework channels and Direct Line clients
 * send uncompressed `application/json`, so anything compressed (which would be decoded past
 * the size limit) or form-encoded (which a cross-site form could post) is refused with 415
 * before a byte of it is read; the limit counts the bytes received; the result must be
 * UTF-8 JSON of bounded depth. A request without a body passes with `req.body` undefined.
 */
export function acceptJsonBody(options: { maxBytes: number }): restify.RequestHandler {
  return function acceptJsonBody(req: restify.Request, res: restify.Response, next: restify.Next) {
    const length = Number(req.headers['content-length'] ?? 0);
    if (!(length > 0) && req.headers['transfer-encoding'] === undefined) {
      req.body = undefined;
      return next();
    }
    const encoding = String(req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
    if (encoding !== 'identity') {
      sendError(res, 415, 'UnsupportedEncoding', `Compressed request bodies are not accepted (Content-Encoding: ${encoding.slice(0, 40)}); send plain JSON.`);
      return next(false);
    }
    if (!isJsonContentType(req.headers['content-type'])) {
      sendError(res, 415, 'UnsupportedMediaType', 'Send the request body as application/json (UTF-8).');
      return next(false);
    }
    if (length > options.maxBytes) return tooLarge(req, res, next, options.maxBytes);

    const chunks: Buffer[] = [];
    let received = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      if (refused) return;
      received += chunk.length;
      if (received > options.maxBytes) {
        refused = true;
        chunks.length = 0;
        tooLarge(req, res, next, options.maxBytes);
      } else {
        chunks.push(chunk);
      }
    });
    req.once('error', () => {
      if (!refused) next(false);
      refused = true;
    });
    req.once('end', () => {
      if (refused) return;
      const parsed = parseJson(Buffer.concat(chunks));
      if (!parsed.ok) {
        sendError(res, 400, 'BadJson', parsed.reason);
        return next(false);
      }
      req.body = parsed.value;
      return next();
    });
  };
}

function isJsonContentType(header: string | undefined): boolean {
  const [type = '', ...parameters] = String(header ?? '').toLowerCase().split(';').map((part) => part.trim());
  if (type !== 'application/json') return false;
  return parameters.every((parameter) => !parameter.startsWith('charset=') || /^charset="?utf-8"?$/.test(parameter));
}

/** Answers 413 and discards the rest of the body (the server's request timeout bounds how long). */
function tooLarge(req: restify.Request, res: restify.Response, next: restify.Next, maxBytes: number): void {
  res.header('connection', 'close');
  sendError(res, 413, 'TooLarge', `The request body is larger than ${maxBytes} bytes.`);
  req.resume();
  next(false);
}

type Parsed = { ok: true; value: unknown } | { ok: false; reason: string };

export function parseJson(bytes: Buffer): Parsed {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, reason: 'The request body is not valid UTF-8.' };
  }
  if (nestingDepth(text) > MAX_DEPTH) return { ok: false, reason: `The request body is nested deeper than ${MAX_DEPTH} levels.` };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, reason: 'The request body is not valid JSON.' };
  }
}

/** The deepest nesting of arrays and objects, skipping strings; one pass, no recursion. */
function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      deepest = Math.max(deepest, ++depth);
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
  return deepest;
}
