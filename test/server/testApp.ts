import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config';
import { memoryLogger, tempDir, KNOWLEDGE_DIR } from '../helpers';

/**
 * The whole app, as `npm start` wires it, on a free loopback port with its own data folder
 * (unless `env` names one). Callers close it.
 */
export async function startTestApp(env: NodeJS.ProcessEnv = {}): Promise<{ app: App; url: string }> {
  const config = loadConfig({ PORT: '0', DATA_DIR: tempDir('app'), KNOWLEDGE_DIR, DIALOGS_DIR: join(__dirname, '..', '..', 'dialogs'), ...env });
  const app = createApp(config, memoryLogger('info'));
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  return { app, url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
}
