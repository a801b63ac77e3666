import { createLogger } from '../../src/logger';
import { openDatabase } from '../../src/storage/database';
import { Outbox } from '../../src/storage/outbox';
import { SqliteRequestStore } from '../../src/storage/requestStore';

/**
 * A separate process for the multi-process test: `submitWorker.ts FILE COUNT`. It opens
 * the shared file, says "ready", waits for a start time (the same for every worker, so
 * they compete for the file), then submits COUNT requests and sends back their references.
 */
const [file, count] = process.argv.slice(2);
const db = openDatabase(file!);
const outbox = new Outbox(db, { webhookUrl: 'https://staff.example/hook', logger: createLogger('error', () => {}) });
const store = new SqliteRequestStore(db, { outbox });

process.once('message', (startAt: number) => {
  // Spinning rather than a timer: a timer could wake a few milliseconds late, after the others are done.
  while (Date.now() < startAt);
  const references: string[] = [];
  for (let i = 0; i < Number(count); i++) {
    references.push(store.submit({ formId: 'request-assistance', locale: 'en', channelId: 'test', userId: `worker-${process.pid}`, answers: { n: String(i) } }).reference);
  }
  db.close();
  process.send!(references, () => process.disconnect());
});
process.send!('ready');
