import type { AddressInfo } from 'node:net';
import { loadConfig } from './config';
import { createApp } from './app';
import { createLogger, describeError } from './logger';
import { runTool } from './tools/cli';

/** Entry point of `npm start`: configuration errors and content errors print one line each. */
runTool(async () => {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  if (!config.authenticated && config.ALLOW_REMOTE_WITHOUT_AUTH) {
    logger.warn('insecure: authentication is off and other machines may connect', {
      why: 'ALLOW_REMOTE_WITHOUT_AUTH=true without MicrosoftAppId',
      exposed: 'the web page and the local Direct Line to anyone who reaches this host; use only on a trusted network',
    });
  }
  // A promise nobody awaited must not take the service down for every partner: it is logged.
  process.on('unhandledRejection', (reason) => logger.error('unhandled rejection', describeError(reason)));
  const app = createApp(config, logger);
  app.server.listen(config.PORT, config.HOST, () => {
    const { port } = app.server.address() as AddressInfo;
    logger.info('listening', {
      url: `http://${config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST}:${port}`,
      endpoint: '/api/messages',
      authentication: config.authenticated ? 'on' : 'off (no MicrosoftAppId): this machine only',
      entries: app.engine.knowledge.entries.length,
      index: app.engine.indexRebuilt ? 'built' : 'loaded',
    });
  });
  const shutdown = () => void app.close().then(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
});
