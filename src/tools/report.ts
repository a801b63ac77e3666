import { join } from 'node:path';
import { loadConfig } from '../config';
import { openDatabase } from '../storage/database';
import { SqliteFeedbackLog } from '../storage/feedbackLog';
import { runTool } from './cli';

/** `npm run report [-- N]`: the most frequent unanswered questions and rated answers, for content authors. */
runTool((args) => {
  const limit = Number.parseInt(args[0] ?? '20', 10);
  if (!Number.isInteger(limit) || limit < 1) {
    console.error('Usage: npm run report -- [number of rows, default 20]');
    return 2;
  }
  const db = openDatabase(join(loadConfig().DATA_DIR, 'iad.sqlite'));
  const rows = new SqliteFeedbackLog(db).mostFrequent(limit);
  db.close();
  if (rows.length === 0) {
    console.log('Nothing recorded yet: no unanswered questions and no rated answers.');
    return;
  }
  console.log('count  kind          entry                                question (personal data removed)');
  for (const row of rows) {
    console.log(`${String(row.count).padStart(5)}  ${row.kind.padEnd(12)}  ${(row.entryId ?? '-').padEnd(35)}  ${row.question ?? ''}`);
  }
});
