import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config';
import { memoryLogger, tempDir, KNOWLEDGE_DIR } from '../helpers';
import { ChannelStub } from './channelStub';

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

let sequence = 0;

/** A message activity as a channel posts it, with a fresh id and conversation unless `fields` name them. */
export function activity(serviceUrl: string, fields: Record<string, unknown>) {
  sequence += 1;
  return {
    type: 'message',
    id: `act-${sequence}`,
    channelId: 'emulator',
    serviceUrl,
    from: { id: 'partner-1', name: 'Partner' },
    recipient: { id: 'bot', name: 'IAD Partner Assistant' },
    conversation: { id: `conv-${process.pid}-${sequence}` },
    timestamp: new Date().toISOString(),
    ...fields,
  };
}

/** POSTs a body (JSON, or a string as it is) to the app's messaging endpoint. */
export const postActivity = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

/**
 * For a `describe`: the app (with `env`) and a channel stub that receives its replies, started
 * before its tests and stopped after them. Read the fields inside the tests.
 */
export function appWithChannel(env: NodeJS.ProcessEnv = {}): { app: App; url: string; channel: ChannelStub; serviceUrl: string } {
  const running = { channel: new ChannelStub() } as { app: App; url: string; channel: ChannelStub; serviceUrl: string };
  before(async () => {
    Object.assign(running, await startTestApp(env));
    running.serviceUrl = await running.channel.start();
  });
  after(async () => {
    await running.app?.close();
    await running.channel.stop();
  });
  return running;
}
