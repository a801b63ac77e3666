import { expect } from 'chai';
import fc from 'fast-check';
import { tempDir } from '../helpers';
import { startAppProcess, type AppProcess } from './appProcess';
import { ChannelStub } from './channelStub';

/** Statuses the messaging endpoint documents; with authentication off, no 5xx at all. */
const DOCUMENTED = [200, 400, 403, 413, 415, 429, 501];

describe('server: random activities through the real server (fast-check)', function () {
  this.timeout(120_000);
  const channel = new ChannelStub();
  let serviceUrl: string;
  let bot: AppProcess;
  before(async () => {
    serviceUrl = await channel.start();
    bot = await startAppProcess({ DATA_DIR: tempDir('fuzz'), CONVERSATION_RATE_BURST: '10000', CONVERSATION_RATE_PER_MINUTE: '600000' });
  });
  after(async () => {
    await bot?.stop();
    await channel.stop();
  });

  const post = (body: unknown) =>
    fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(async (response) => {
      await response.body?.cancel();
      return response.status;
    });

  async function say(conversationId: string, text: string): Promise<string> {
    expect(await post({ type: 'message', id: 'x', channelId: 'emulator', serviceUrl, from: { id: 'partner' }, recipient: { id: 'bot' }, conversation: { id: conversationId }, text })).to.equal(200);
    return channel.inConversation(conversationId).at(-1)?.text ?? '';
  }

  const someValue = fc.oneof(fc.string({ maxLength: 200 }), fc.integer(), fc.constant(null), fc.boolean(), fc.anything({ maxDepth: 3 }));
  /** Usually a right value, sometimes anything at all. */
  const mostly = <T>(right: fc.Arbitrary<T>) => fc.oneof({ arbitrary: right, weight: 12 }, { arbitrary: someValue, weight: 1 });
  const account = mostly(fc.record({ id: fc.string({ minLength: 1, maxLength: 20 }), name: fc.option(fc.string(), { nil: undefined }) }));
  /** Activities as a careless client or an attacker might send them: most fields right, any of them wrong. */
  const activity = (conversation: fc.Arbitrary<unknown>, types: fc.Arbitrary<unknown>) =>
    fc.record(
      {
        type: types,
        id: mostly(fc.string({ maxLength: 30 })),
        channelId: mostly(fc.constantFrom('emulator', 'msteams', 'directline', 'webchat')),
        serviceUrl: mostly(fc.constant(serviceUrl)),
        from: account,
        recipient: account,
        conversation,
        text: mostly(fc.oneof(fc.string({ maxLength: 300, unit: 'grapheme' }), fc.constantFrom('cancel', 'submit', 'back', 'start over', 'help', 'status IAD-2026-000001', 'what is eTrace?', 'request training'))),
        value: fc.oneof(fc.anything({ maxDepth: 3 }), fc.record({ action: fc.constantFrom('form', 'ask', 'feedback', 'startForm'), command: fc.string(), form: fc.string(), step: fc.string(), entryId: fc.string(), formId: fc.string() }, { requiredKeys: ['action'] })),
        name: mostly(fc.constantFrom('adaptiveCard/action', 'task/fetch', 'fileConsent/invoke', 'composeExtension/query', 'signin/verifyState', 'webchat/join')),
        locale: mostly(fc.constantFrom('en-US', 'es-MX', 'fr-CA', 'nl-NL', 'xx')),
        membersAdded: mostly(fc.array(account, { maxLength: 3 })),
        attachments: mostly(fc.array(fc.record({ contentType: fc.string(), content: fc.anything({ maxDepth: 2 }) }), { maxLength: 2 })),
        entities: mostly(fc.array(fc.record({ type: fc.string() }), { maxLength: 2 })),
        channelData: mostly(fc.object({ maxDepth: 2 })),
        timestamp: mostly(fc.date({ noInvalidDate: true, min: new Date('2000-01-01'), max: new Date('2100-01-01') }).map((d) => d.toISOString())),
      },
      { requiredKeys: ['type', 'channelId', 'serviceUrl', 'from', 'recipient', 'conversation'] },
    );

  it('answers every activity with a documented status, stays up, and keeps a partner\'s form where it was', async () => {
    await say('fuzz-partner', 'request assistance');
    expect(await say('fuzz-partner', 'tracing')).to.equal('Which agency or ministry are you requesting for?');
    const pool = mostly(fc.constantFrom({ id: 'fuzz-a' }, { id: 'fuzz-b' }, { id: 'fuzz-c' }));
    const anyType = mostly(fc.constantFrom('message', 'message', 'message', 'conversationUpdate', 'invoke', 'event', 'typing', 'messageReaction', 'installationUpdate', 'endOfConversation'));
    // On the partner's own conversation: everything but a message, which would legitimately move the form on.
    const partnerTypes = mostly(fc.constantFrom('conversationUpdate', 'invoke', 'event', 'typing', 'messageReaction', 'installationUpdate')).filter((t) => t !== 'message');
    const unexpected: string[] = [];
    const seen = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fc.oneof(activity(pool, anyType), activity(fc.constant({ id: 'fuzz-partner' }), partnerTypes)), async (body) => {
        const status = await post(body);
        seen.set(status, (seen.get(status) ?? 0) + 1);
        if (!DOCUMENTED.includes(status)) unexpected.push(`${status}: ${JSON.stringify(body).slice(0, 300)}`);
        return DOCUMENTED.includes(status);
      }),
      { numRuns: 1000 },
    );
    expect(unexpected).to.deep.equal([]);
    // The generator reaches turns, not only the validation at the edge.
    expect(seen.get(200) ?? 0, JSON.stringify([...seen])).to.be.greaterThan(100);
    expect(bot.alive()).to.equal(true);
    expect((await fetch(`${bot.url}/healthz`)).status).to.equal(200);
    expect(await say('fuzz-partner', 'Policía Federal')).to.equal('In which country is your agency?');
    expect(bot.output().split('\n').filter((line) => line.includes('"event":"turn failed"'))).to.deep.equal([]);
  });
});
