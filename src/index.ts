import { loadConfig } from './config';
import { createApp } from './app';
import { createLogger } from './logger';
import { runTool } from './tools/cli';

/** Entry point of `npm start`: configuration errors and content errors print one line each. */
runTool(async () => {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const app = createApp(config, logger);
  app.server.listen(config.PORT, config.HOST, () => {
    logger.info('listening', {
      url: `http://localhost:${config.PORT}`,
      endpoint: '/api/messages',
      authentication: config.MicrosoftAppId ? 'on' : 'off (no MicrosoftAppId)',
      entries: app.engine.knowledge.entries.length,
      index: app.engine.indexRebuilt ? 'built' : 'loaded',
    });
  });
  const shutdown = () => void app.close().then(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
});
