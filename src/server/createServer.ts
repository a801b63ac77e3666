import restify from 'restify';
import type { Logger } from '../logger';
import { acceptJsonBody } from './jsonBody';
import { messagingEndpoint, type MessagingEndpointOptions } from './messagingEndpoint';

export interface ServerHealth {
  entries: number;
  passages: number;
}

/** Bot Framework activities, Teams' included, stay far below this; anything larger is refused unread. */
const MAX_ACTIVITY_BYTES = 1024 * 1024;

/**
 * The HTTP surface: the Bot Framework messaging endpoint and a health check (the web chat
 * routes are added by their own module). There is no global body parser: each route that
 * reads a body declares its own JSON reader and size. Errors in handlers end here as a JSON
 * 500 without internals.
 */
export function createServer(endpoint: MessagingEndpointOptions, health: ServerHealth, logger: Logger): restify.Server {
  const server = restify.createServer({ name: 'iad-partner-assistant', handleUncaughtExceptions: false });
  // A client that trickles its headers or body cannot hold a connection for minutes.
  server.server.headersTimeout = 15_000;
  server.server.requestTimeout = 30_000;
  server.use(restify.plugins.queryParser({ mapParams: false }));

  server.post('/api/messages', acceptJsonBody({ maxBytes: MAX_ACTIVITY_BYTES }), messagingEndpoint(endpoint));

  server.get('/healthz', async (_req, res) => {
    res.send(200, { status: 'ok', ...health });
  });

  server.on('restifyError', (req: restify.Request, _res: restify.Response, error: Error & { statusCode?: number }, callback: () => void) => {
    if ((error.statusCode ?? 500) >= 500) logger.error('http error', { method: req.method, path: req.path(), message: error.message });
    callback();
  });
  return server;
}
