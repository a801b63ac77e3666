import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import { createLogger } from '../../src/logger';
import { openDatabase } from '../../src/storage/database';
import { Outbox, type OutboxOptions } from '../../src/storage/outbox';
import { SqliteRequestStore } from '../../src/storage/requestStore';
import { memoryLogger } from '../helpers';

/** A staff webhook on 127.0.0.1 that answers with `status` (or not at all) and can go down and come back on the same port. */
class Webhook {
  readonly received: { headers: IncomingHttpHeaders; body: unknown }[] = [];
  status: number | 'hang' = 200;
  private server: Server | undefined;
  private port = 0;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        this.received.push({ headers: req.headers, body: JSON.parse(body) });
        if (this.status === 'hang') return;
        res.statusCode = this.status;
        res.end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return `http://127.0.0.1:${this.port}/hooks/iad`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    const closed = new Promise((resolve) => server.close(resolve));
    server.closeAllConnections();
    await closed;
  }
}

const answers = { agency: 'Policía Federal', country: 'Mexico', contact: 'maria.lopez@policia.example', details: 'Glock 19 serial AB1234' };

/** A store whose submissions go to an outbox, on a clock the test moves. */
function setup(options: Partial<OutboxOptions> & { webhookUrl: string }) {
  const clock = { now: new Date('2026-03-01T10:00:00Z') };
  const logger = memoryLogger();
  const db = openDatabase(':memory:');
  const outbox = new Outbox(db, { logger, now: () => clock.now, ...options });
  const store = new SqliteRequestStore(db, { outbox });
  const submit = () => store.submit({ formId: 'request-assistance', locale: 'es', channelId: 'msteams', userId: 'partner-1', answers }, clock.now).reference;
  return { clock, logger, outbox, submit, db };
}

describe('storage/outbox', () => {
  const webhook = new Webhook();
  let url: string;
  before(async () => (url = await webhook.start()));
  beforeEach(() => {
    webhook.received.length = 0;
    webhook.status = 200;
  });
  after(() => webhook.stop());

  it('posts a new request to the webhook as JSON, with its reference in a header', async () => {
    const { outbox, submit, db } = setup({ webhookUrl: url });
    const reference = submit();
    expect(outbox.pending()).to.deep.equal([{ reference, attempts: 0, nextAttemptAt: '2026-03-01T10:00:00.000Z', lastError: null }]);

    expect(await outbox.deliverDue()).to.deep.equal({ delivered: 1, failed: 0 });
    expect(webhook.received).to.have.length(1);
    const [{ headers, body }] = webhook.received as [(typeof webhook.received)[0]];
    expect(headers).to.include({ 'content-type': 'application/json', 'x-iad-reference': reference });
    expect(body).to.deep.equal({ type: 'iad.request.submitted', reference, formId: 'request-assistance', locale: 'es', submittedAt: '2026-03-01T10:00:00.000Z', answers });
    expect(outbox.pending()).to.deep.equal([]);
    expect(await outbox.deliverDue()).to.deep.equal({ delivered: 0, failed: 0 });
    // Delivered, the partner's answers are kept once, with the request, not again in the outbox.
    expect(db.prepare('SELECT payload FROM staff_outbox').all()).to.deep.equal([{ payload: '' }]);
  });

  it('retries through an error and an outage with growing delays, then delivers exactly once', async () => {
    const { clock, logger, outbox, submit } = setup({ webhookUrl: url, baseDelayMs: 1_000 });
    const reference = submit();
    const failAndCheckDelay = async (attempts: number, error: RegExp) => {
      expect(await outbox.deliverDue()).to.deep.equal({ delivered: 0, failed: 1 });
      const [item] = outbox.pending();
      expect(item).to.include({ reference, attempts });
      expect(item!.lastError).to.match(error);
      const delay = Date.parse(item!.nextAttemptAt) - clock.now.getTime();
      const base = 1_000 * 2 ** (attempts - 1);
      expect(delay).to.be.within(base, 1.2 * base);
      // Not due yet: nothing is posted.
      expect(await outbox.deliverDue()).to.deep.equal({ delivered: 0, failed: 0 });
      clock.now = new Date(item!.nextAttemptAt);
    };

    webhook.status = 500;
    await failAndCheckDelay(1, /^HTTP 500$/);
    await webhook.stop();
    await failAndCheckDelay(2, /ECONNREFUSED/);
    await failAndCheckDelay(3, /ECONNREFUSED/);
    await webhook.start();
    webhook.status = 202;
    expect(await outbox.deliverDue()).to.deep.equal({ delivered: 1, failed: 0 });
    clock.now = new Date('2027-01-01T00:00:00Z');
    expect(await outbox.deliverDue()).to.deep.equal({ delivered: 0, failed: 0 });

    // One 500, then the only other POST to reach the webhook is the delivery.
    expect(webhook.received.map((r) => r.headers['x-iad-reference'])).to.deep.equal([reference, reference]);
    expect(outbox.pending()).to.deep.equal([]);
    const warnings = logger.lines.map((line) => JSON.parse(line)).filter((entry) => entry.level === 'warn');
    expect(warnings.map((w) => [w.event, w.reference, w.attempts])).to.deep.equal([1, 2, 3].map((n) => ['outbox.delivery-failed', reference, n]));
    for (const value of Object.values(answers)) expect(logger.lines.join('\n')).not.to.include(value);
  });

  it('gives up on a webhook that does not answer within the timeout, and retries later', async () => {
    webhook.status = 'hang';
    const { outbox, submit } = setup({ webhookUrl: url, timeoutMs: 200 });
    submit();
    expect(await outbox.deliverDue()).to.deep.equal({ delivered: 0, failed: 1 });
    expect(outbox.pending()[0]).to.include({ attempts: 1 }).and.to.have.property('lastError').that.matches(/TimeoutError/);
    // Hanging connections are dropped before the next test.
    await webhook.stop();
    url = await webhook.start();
  });

  it('caps the delay and never drops an item, however often it fails', async () => {
    const fetch = async () => new Response(null, { status: 503 });
    const { clock, outbox, submit } = setup({ webhookUrl: 'http://webhook.invalid/', fetch, baseDelayMs: 1_000, maxDelayMs: 4_000 });
    submit();
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 8; attempt++) {
      await outbox.deliverDue();
      const [item] = outbox.pending();
      delays.push(Date.parse(item!.nextAttemptAt) - clock.now.getTime());
      clock.now = new Date(item!.nextAttemptAt);
    }
    const expected = [1_000, 2_000, 4_000, 4_000, 4_000, 4_000, 4_000, 4_000];
    delays.forEach((delay, i) => expect(delay).to.be.within(expected[i]!, 1.2 * expected[i]!));
    expect(outbox.pending()).to.have.length(1).and.to.have.nested.property('[0].attempts', 8);
  });

  it('does not post an item another process has claimed', async () => {
    const { outbox, submit } = setup({ webhookUrl: url });
    submit();
    // Two runs at once, as from two processes sharing the file: the second finds the item claimed.
    const results = await Promise.all([outbox.deliverDue(), outbox.deliverDue()]);
    expect(results).to.deep.equal([{ delivered: 1, failed: 0 }, { delivered: 0, failed: 0 }]);
    expect(webhook.received).to.have.length(1);
  });

  it('delivers on a timer until stopped', async () => {
    const db = openDatabase(':memory:');
    const outbox = new Outbox(db, { webhookUrl: url, logger: createLogger('error', () => {}) });
    outbox.enqueue('IAD-2026-000001', { type: 'iad.request.submitted' });
    outbox.start(10);
    for (let i = 0; i < 200 && outbox.pending().length > 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    await outbox.stop();
    expect(outbox.pending()).to.deep.equal([]);
    expect(webhook.received).to.have.length(1);
  });
});
