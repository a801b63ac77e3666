import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { KNOWLEDGE_DIR } from '../helpers';

const ROOT = join(__dirname, '..', '..');

export interface AppProcess {
  url: string;
  child: ChildProcess;
  /** Everything the process printed so far. */
  output(): string;
  alive(): boolean;
  stop(): Promise<void>;
}

/**
 * The bot as `npm start` runs it (src/index.ts), in a process of its own on a free loopback
 * port: for tests where a crash must show as a dead process, or several instances share a
 * data folder. Resolves once it logs that it listens.
 */
export function startAppProcess(env: NodeJS.ProcessEnv): Promise<AppProcess> {
  const child = spawn(process.execPath, ['--disable-warning=DEP0111', join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'src', 'index.ts')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, PORT: '0', KNOWLEDGE_DIR, DIALOGS_DIR: join(ROOT, 'dialogs'), LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  let exited = false;
  child.stdout!.on('data', (chunk) => (printed += chunk));
  child.stderr!.on('data', (chunk) => (printed += chunk));
  child.once('exit', () => (exited = true));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the app did not start:\n${printed}`)), 30_000);
    const check = () => {
      const url = /"event":"listening","url":"(http:\/\/[^"]+)"/.exec(printed)?.[1];
      if (url) {
        clearTimeout(timer);
        child.stdout!.off('data', check);
        resolve({
          url,
          child,
          output: () => printed,
          alive: () => !exited,
          stop: () =>
            new Promise<void>((done) => {
              if (exited) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      } else if (exited) {
        clearTimeout(timer);
        reject(new Error(`the app exited:\n${printed}`));
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', check);
  });
}
