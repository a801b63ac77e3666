import { expect } from 'chai';
import { createLogger } from '../../src/logger';
import { openDatabase } from '../../src/storage/database';
import { Outbox } from '../../src/storage/outbox';
import { SqliteRequestStore } from '../../src/storage/requestStore';
import { SqliteStorage } from '../../src/storage/sqliteStorage';
import { csvCell, runRequestsCommand, terminalSafe, USAGE } from '../../src/tools/requests';

const now = new Date('2026-03-10T12:00:00Z');

/** A store with three requests and an outbox whose webhook answers 503. */
function setup() {
  const db = openDatabase(':memory:');
  const fetch = async () => new Response(null, { status: 503 });
  const outbox = new Outbox(db, { webhookUrl: 'https://staff.example/hook', fetch, logger: createLogger('error', () => {}), now: () => now });
  const store = new SqliteRequestStore(db, { outbox });
  const submit = (day: string, formId: string, answers: Record<string, string>) =>
    store.submit({ formId, locale: 'en', channelId: 'msteams', userId: 'partner-1', answers }, new Date(`2026-03-${day}T09:30:00Z`)).reference;
  submit('01', 'request-assistance', { agency: 'Policía Federal', country: 'Mexico', details: 'Trace of 3 pistols,\nseized "in transit"' });
  submit('05', 'request-training', { country: 'Jamaica', course: 'Firearms ID' });
  submit('09', 'request-assistance', { agency: '=HYPERLINK("http://evil.example")', country: '+1 555', details: '@SUM(A1)', notes: '-2' });
  store.setStatus('IAD-2026-000002', 'closed', now);
  const state = new SqliteStorage(db);
  const run = (...args: string[]) => {
    const lines: string[] = [];
    const code = runRequestsCommand(args, { requests: store, state, outbox }, (line) => lines.push(...line.split('\n')), { retention: { requests: 7, conversationState: 30 }, now });
    return { code, lines };
  };
  return { store, outbox, state, db, run };
}

describe('tools/requests', () => {
  it('lists requests newest first, with agency and country', () => {
    const { code, lines } = setup().run('list');
    expect(code).to.equal(0);
    expect(lines).to.deep.equal([
      'reference        status    form                created (UTC)     country  agency',
      'IAD-2026-000003  received  request-assistance  2026-03-09 09:30  +1 555   =HYPERLINK("http://evil.example")',
      'IAD-2026-000002  closed    request-training    2026-03-05 09:30  Jamaica',
      'IAD-2026-000001  received  request-assistance  2026-03-01 09:30  Mexico   Policía Federal',
    ]);
  });

  it('lists by status', () => {
    const { run } = setup();
    expect(run('list', '--status', 'closed').lines.slice(1).map((line) => line.slice(0, 15))).to.deep.equal(['IAD-2026-000002']);
    expect(run('list', '--status', 'declined')).to.deep.equal({ code: 0, lines: ['No requests.'] });
    expect(run('list', '--status', 'lost').code).to.equal(2);
  });

  it('shows every field of one request, in any case', () => {
    const { code, lines } = setup().run('show', 'iad-2026-000001');
    expect(code).to.equal(0);
    expect(lines).to.deep.equal([
      'reference: IAD-2026-000001',
      'status: received',
      'form: request-assistance',
      'locale: en',
      'channel: msteams',
      'created: 2026-03-01T09:30:00.000Z',
      'updated: 2026-03-01T09:30:00.000Z',
      'agency: Policía Federal',
      'country: Mexico',
      'details: Trace of 3 pistols,',
      '  seized "in transit"',
    ]);
  });

  it('exports CSV with every answer as a column, quoted and with formulas neutralised', () => {
    const { code, lines } = setup().run('export', '--csv');
    expect(code).to.equal(0);
    expect(lines).to.deep.equal([
      'reference,status,form,locale,channel,created,updated,agency,country,details,notes,course',
      `IAD-2026-000003,received,request-assistance,en,msteams,2026-03-09T09:30:00.000Z,2026-03-09T09:30:00.000Z,"'=HYPERLINK(""http://evil.example"")",'+1 555,'@SUM(A1),'-2,`,
      'IAD-2026-000002,closed,request-training,en,msteams,2026-03-05T09:30:00.000Z,2026-03-10T12:00:00.000Z,,Jamaica,,,Firearms ID',
      'IAD-2026-000001,received,request-assistance,en,msteams,2026-03-01T09:30:00.000Z,2026-03-01T09:30:00.000Z,Policía Federal,Mexico,"Trace of 3 pistols,',
      'seized ""in transit""",,',
    ]);
  });

  describe('csvCell', () => {
    const table: [string, string][] = [
      ['plain', 'plain'],
      ['', ''],
      ['a,b', '"a,b"'],
      ['say "hi"', '"say ""hi"""'],
      ['two\r\nlines', '"two\r\nlines"'],
      ['=1+1', "'=1+1"],
      ['+52 55 1234', "'+52 55 1234"],
      ['-5', "'-5"],
      ['@cmd', "'@cmd"],
      ['\t=1', "'\t=1"],
      ['=A1,"x"', `"'=A1,""x"""`],
      ['a=b', 'a=b'],
    ];
    for (const [value, expected] of table) it(`writes ${JSON.stringify(value)} as ${JSON.stringify(expected)}`, () => expect(csvCell(value)).to.equal(expected));
  });

  it('sets a status', () => {
    const { store, run } = setup();
    expect(run('set-status', 'iad-2026-000001', 'in-progress')).to.deep.equal({ code: 0, lines: ['IAD-2026-000001 is now in-progress.'] });
    expect(store.get('IAD-2026-000001')).to.include({ status: 'in-progress', updatedAt: now.toISOString() });
  });

  it('refuses an unknown status and says when a request is not found', () => {
    const { store, run } = setup();
    expect(run('set-status', 'IAD-2026-000001', 'lost')).to.deep.equal({
      code: 2,
      lines: ['Unknown status "lost": use one of received, in-review, in-progress, closed, declined.'],
    });
    expect(store.get('IAD-2026-000001')?.status).to.equal('received');
    expect(run('set-status', 'IAD-2026-999999', 'closed')).to.deep.equal({ code: 1, lines: ['No request IAD-2026-999999.'] });
    expect(run('show', 'IAD-2026-999999')).to.deep.equal({ code: 1, lines: ['No request IAD-2026-999999.'] });
  });

  it('purges requests older than the retention period, or than --days, and idle conversation state', async () => {
    const { store, outbox, state, db, run } = setup();
    await state.write({ 'msteams/conversations/old': { dialogState: { answers: 'Ana Ruiz' } }, 'msteams/conversations/recent': { dialogState: {} } });
    db.prepare("UPDATE bot_state SET updated_at = '2026-01-01T00:00:00.000Z' WHERE key = 'msteams/conversations/old'").run();
    expect(run('purge')).to.deep.equal({
      code: 0,
      lines: [
        'Deleted 1 request created before 2026-03-03T12:00:00.000Z (older than 7 days).',
        'Deleted 1 conversation state idle since before 2026-02-08T12:00:00.000Z (older than 30 days).',
      ],
    });
    expect(store.get('IAD-2026-000001')).to.equal(undefined);
    expect(Object.keys(await state.read(['msteams/conversations/old', 'msteams/conversations/recent']))).to.deep.equal(['msteams/conversations/recent']);
    expect(run('purge', '--days', '3').lines[0]).to.equal('Deleted 1 request created before 2026-03-07T12:00:00.000Z (older than 3 days).');
    expect(outbox.pending().map((p) => p.reference)).to.deep.equal(['IAD-2026-000003']);
    expect(run('purge', '--days', '0').code).to.equal(2);
    expect(run('purge', '--days', 'many').code).to.equal(2);
  });

  it('lists the notifications not delivered yet', async () => {
    const { outbox, run } = setup();
    await outbox.deliverDue();
    const { code, lines } = run('outbox');
    expect(code).to.equal(0);
    expect(lines[0]).to.match(/^reference\s+attempts\s+next attempt \(UTC\)\s+last error$/);
    expect(lines.slice(1).map((line) => line.split(/\s{2,}/))).to.deep.equal(
      ['IAD-2026-000001', 'IAD-2026-000002', 'IAD-2026-000003'].map((reference, i) => [reference, '1', outbox.pending()[i]!.nextAttemptAt, 'HTTP 503']),
    );
  });

  it('never prints the control characters partners may type to a staff terminal', () => {
    const { store, run } = setup();
    const reference = store.submit({ formId: 'request-assistance', locale: 'en', channelId: 'msteams', userId: 'p', answers: { agency: 'Police\u001b]0;pwned\u0007\u001b[2J', details: 'line one\r\nline\u0008 two \u202eevil' } }, now).reference;
    const printed = [...run('show', reference).lines, ...run('list').lines, ...run('export', '--csv').lines].join('\n');
    expect(printed).to.not.match(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(run('show', reference).lines).to.include.members(['agency: Police]0;pwned[2J', 'details: line one', '  line two evil']);
  });

  const safeLines: [string, string][] = [
    ['plain text', 'plain text'],
    ['tab\tstays', 'tab\tstays'],
    ['new\nline stays', 'new\nline stays'],
    ['carriage\r\nreturn', 'carriage\nreturn'],
    ['\u001b[31mred\u001b[0m', '[31mred[0m'],
    ['bell\u0007', 'bell'],
    ['c1\u009bcontrol', 'c1control'],
    ['right\u202eto left', 'rightto left'],
  ];
  for (const [line, expected] of safeLines) it(`prints ${JSON.stringify(line)} as ${JSON.stringify(expected)}`, () => expect(terminalSafe(line)).to.equal(expected));

  it('says when the outbox is empty or not configured', () => {
    const { store, state } = setup();
    const lines: string[] = [];
    const run = (outbox: Outbox | undefined) => runRequestsCommand(['outbox'], { requests: store, state, outbox }, (line) => lines.push(line), { retention: { requests: 7, conversationState: 30 } });
    const empty = new Outbox(openDatabase(':memory:'), { webhookUrl: 'https://staff.example/hook', logger: createLogger('error', () => {}) });
    expect(run(empty)).to.equal(0);
    expect(run(undefined)).to.equal(1);
    expect(lines).to.deep.equal([
      'No notifications waiting: every request has reached staff.',
      'No staff webhook is configured (STAFF_WEBHOOK_URL), so there is no notification outbox.',
    ]);
  });

  describe('usage mistakes', () => {
    const table: string[][] = [
      [],
      ['frobnicate'],
      ['show'],
      ['show', 'IAD-2026-000001', 'extra'],
      ['set-status', 'IAD-2026-000001'],
      ['export'],
      ['export', '--json'],
      ['list', '--status'],
      ['list', '--days', '3'],
      ['purge', '--days'],
      ['outbox', 'now'],
    ];
    for (const args of table) {
      it(`prints the usage for "${args.join(' ')}" and exits with 2`, () => {
        const { run } = setup();
        expect(run(...args)).to.deep.equal({ code: 2, lines: USAGE.split('\n') });
      });
    }
  });
});
