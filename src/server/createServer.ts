import restify from 'restify';
import type { ActivityHandler, CloudAdapter } from 'botbuilder';
import type { Logger } from '../logger';
import { describeInvalidActivity } from './incomingActivity';

export interface ServerHealth {
  entries: number;
  passages: number;
}

/**
 * The HTTP surface: the Bot Framework messaging endpoint and a health check. Errors in
 * handlers end here as a JSON 500 without internals; the adapter itself answers 400/401
 * for malformed or unauthenticated activities.
 */
export function createServer(adapter: CloudAdapter, bot: ActivityHandler, health: ServerHealth, logger: Logger): restify.Server {
  const server = restify.createServer({ name: 'iad-partner-assistant', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 1024 * 1024, mapParams: false }));
  server.use(restify.plugins.queryParser({ mapParams: false }));

  server.post('/api/messages', async (req, res) => {
    const problem = describeInvalidActivity(req.body);
    if (problem) {
      res.send(400, { error: problem });
      return;
    }
    await adapter.process(req, res, (context) => bot.run(context));
  });

  server.get('/healthz', async (_req, res) => {
    res.send(200, { status: 'ok', ...health });
  });

  server.on('restifyError', (req: restify.Request, _res: restify.Response, error: Error & { statusCode?: number }, callback: () => void) => {
    if ((error.statusCode ?? 500) >= 500) logger.error('http error', { method: req.method, path: req.path(), message: error.message });
    callback();
  });
  return server;
}
