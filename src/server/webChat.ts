import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type restify from 'restify';
import type { Config } from '../config';
import { describeError, type Logger } from '../logger';
import { limitPerAddress, localOnly } from './guards';
import { sendError } from './httpError';
import { acceptJsonBody } from './jsonBody';
import type { LocalDirectLine } from './localDirectLine';
import type { RateLimiter } from './rateLimiter';

const WEB_DIR = join(__dirname, '..', 'web');

/** The page's own files and the Web Chat browser bundle, read once: no CDN, works offline. */
function assets(): Record<string, { body: Buffer; type: string }> {
  const web = (name: string, type: string) => ({ body: readFileSync(join(WEB_DIR, name)), type });
  const bundle = join(dirname(require.resolve('botframework-webchat')), '..', 'dist', 'webchat.js');
  return {
    '/': web('index.html', 'text/html; charset=utf-8'),
    '/web/chat.js': web('chat.js', 'text/javascript; charset=utf-8'),
    '/web/chat.css': web('chat.css', 'text/css; charset=utf-8'),
    '/embed.js': web('embed.js', 'text/javascript; charset=utf-8'),
    '/webchat/webchat.js': { body: readFileSync(bundle), type: 'text/javascript; charset=utf-8' },
  };
}

/**
 * The web chat surface: the page at `/`, the embeddable `/embed.js`, the Web Chat bundle
 * from the installed package, and `POST /api/directline/session`, which gives the page what
 * it needs to talk to the bot — a ticket for the local Direct Line endpoint, or a short-lived
 * Azure Direct Line token exchanged with the secret, which never leaves the server.
 */
export function registerWebChat(server: restify.Server, config: Config, localDirectLine: LocalDirectLine | undefined, clients: RateLimiter, logger: Logger): void {
  const files = assets();
  const connect = config.DIRECT_LINE_SECRET ? ` ${new URL(config.DIRECT_LINE_ENDPOINT).origin}` : '';
  const policy = [
    "default-src 'self'",
    "script-src 'self'",
    // Web Chat styles its components at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${connect}`,
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
    `frame-ancestors ${config.WEB_FRAME_ANCESTORS}`,
  ].join('; ');

  for (const [path, file] of Object.entries(files)) {
    server.get(path, async (_req, res) => {
      res.sendRaw(200, file.body, {
        'content-type': file.type,
        'content-security-policy': policy,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cache-control': path === '/' ? 'no-cache' : 'public, max-age=3600',
      });
    });
  }

  // Public and unauthenticated, so limited per address; in local mode only as open as the local Direct Line.
  const guards = [
    ...(config.DIRECT_LINE_SECRET ? [] : [localOnly(config.ALLOW_REMOTE_WITHOUT_AUTH, 'The web chat session endpoint')]),
    limitPerAddress(clients, config.TRUST_PROXY),
    acceptJsonBody({ maxBytes: 1024 }),
  ];
  server.post('/api/directline/session', ...guards, async (_req: restify.Request, res: restify.Response) => {
    if (config.DIRECT_LINE_SECRET) {
      try {
        res.send(200, await exchangeSecret(config.DIRECT_LINE_ENDPOINT, config.DIRECT_LINE_SECRET));
      } catch (error) {
        logger.error('direct line token exchange failed', describeError(error));
        sendError(res, 502, 'ChatUnavailable', 'The chat service is not reachable right now.');
      }
      return;
    }
    if (!localDirectLine) return sendError(res, 503, 'NotConfigured', 'Web chat needs DIRECT_LINE_SECRET when app credentials are configured.');
    const token = localDirectLine.issueSessionToken();
    if (!token) return sendError(res, 503, 'Busy', 'Too many chats are starting right now; try again in a minute.', { 'retry-after': '60' });
    res.send(200, { token, domain: '/v3/directline' });
  });
}

/**
 * Exchanges the Direct Line secret for a token that is valid for one conversation, as the
 * Direct Line API's tokens/generate does; the user id is random, so the page learns nothing.
 */
export async function exchangeSecret(endpoint: string, secret: string): Promise<{ token: string; domain?: string }> {
  const response = await fetch(new URL('/v3/directline/tokens/generate', endpoint), {
    method: 'POST',
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
    body: JSON.stringify({ user: { id: `dl_${randomBytes(12).toString('hex')}` } }),
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`Direct Line tokens/generate answered ${response.status}`);
  const body = (await response.json()) as { token?: unknown };
  if (typeof body.token !== 'string') throw new Error('Direct Line tokens/generate gave no token');
  const isDefault = new URL(endpoint).origin === 'https://directline.botframework.com';
  return { token: body.token, ...(isDefault ? {} : { domain: new URL('/v3/directline', endpoint).toString() }) };
}
