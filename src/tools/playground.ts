import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createApp } from '../app';
import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { runTool } from './cli';

/** Port of the Agents Playground's page (its own default). */
const PLAYGROUND_PORT = 56150;

/**
 * `npm run playground`: the bot plus the Microsoft 365 Agents Playground on channel msteams,
 * for trying the Teams behaviour locally (cards, mentions, install) without a tenant.
 */
runTool(async () => {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const app = createApp(config, logger);
  await new Promise<void>((resolve) => app.server.listen(config.PORT, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/messages`;
  const playground = spawn(
    join(__dirname, '..', '..', 'node_modules', '.bin', 'agentsplayground'),
    ['-e', endpoint, '-c', 'msteams', '-p', String(PLAYGROUND_PORT), '--disable-telemetry'],
    { stdio: 'inherit', env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' } },
  );
  console.log(`Agents Playground (Teams): http://localhost:${PLAYGROUND_PORT}  ->  bot ${endpoint}`);
  const stop = () => {
    playground.kill();
    void app.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  playground.once('exit', (code) => {
    logger.info('playground exited', { code });
    void app.close();
  });
});
