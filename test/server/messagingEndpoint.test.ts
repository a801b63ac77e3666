import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import type { App } from '../../src/app';
import { activity, appWithChannel, postActivity as post, startTestApp } from './testApp';
import type { ChannelStub } from './channelStub';

describe('server/messagingEndpoint (POST /api/messages)', () => {
  describe('without app credentials', () => {
    const running = appWithChannel({ CONVERSATION_RATE_BURST: '5', CONVERSATION_RATE_PER_MINUTE: '6' });
    let url: string;
    let channel: ChannelStub;
    let serviceUrl: string;
    before(() => ({ url, channel, serviceUrl } = running));

    /** Posts a message in a conversation and returns the texts of the replies it got. */
    async function say(conversation: { id: string }, text: string): Promise<string[]> {
      const before = channel.received.length;
      const response = await post(url, activity(serviceUrl, { conversation, text }));
      expect(response.status).to.equal(200);
      await channel.waitFor(before + 2); // typing, then at least one message
      await new Promise((resolve) => setTimeout(resolve, 50));
      return channel.received.slice(before).filter((a) => a.type === 'message').map((a) => a.text ?? '');
    }

    const malformed: [string, Record<string, unknown>, RegExp][] = [
      ['from: null', { from: null }, /from/],
      ['no recipient', { recipient: undefined }, /recipient/],
      ['membersAdded that is not a list', { type: 'conversationUpdate', membersAdded: 'everyone' }, /membersAdded/],
      ['a member that is null', { type: 'conversationUpdate', membersAdded: [null] }, /membersAdded/],
      ['an invoke without a value', { type: 'invoke', name: 'fileConsent/invoke' }, /value/],
      ['an invoke without a name', { type: 'invoke', value: {} }, /name/],
      ['a locale that is a number', { locale: 5, text: 'hi' }, /locale/],
      ['attachments that are not a list', { attachments: 'x' }, /attachments/],
      ['an entity that is null', { entities: [null], text: 'hi' }, /entities/],
      ['channelData that is a string', { channelData: 'x', text: 'hi' }, /channelData/],
      ['a conversation that says it is a group with a string', { conversation: { id: 'x', isGroup: 'yes' } }, /isGroup/],
      ['a timestamp that is no date', { timestamp: 'yesterday', text: 'hi' }, /timestamp/],
      ['text that is a number', { text: 42 }, /text/],
      ['a serviceUrl that is no URL', { serviceUrl: 'javascript:alert(1)' }, /serviceUrl/],
    ];

    it('refuses malformed activities with 400 and a reason, and the partner\'s form is where it was', async () => {
      const conversation = { id: `form-${Date.now()}` };
      await say(conversation, 'request assistance');
      expect((await say(conversation, 'tracing')).at(-1)).to.equal('Which agency or ministry are you requesting for?');
      for (const [name, fields, reason] of malformed) {
        const response = await post(url, activity(serviceUrl, { conversation, ...fields }));
        expect(response.status, name).to.equal(400);
        expect(((await response.json()) as { error: { message: string } }).error.message, name).to.match(reason);
      }
      expect((await say(conversation, 'Policía Federal')).at(-1)).to.equal('In which country is your agency?');
    });

    it('keeps the 501 of an invoke it does not handle, whatever its value holds', async () => {
      for (const [name, value] of [['composeExtension/query', {}], ['adaptiveCard/action', { data: 1 }], ['fileConsent/invoke', { action: 42 }], ['task/fetch', { nested: { deep: [] } }]] as const) {
        const response = await post(url, activity(serviceUrl, { type: 'invoke', name, value }));
        expect(response.status, name).to.equal(501);
      }
    });

    it('treats fields sent as null as absent', async () => {
      const response = await post(url, activity(serviceUrl, { text: 'What is eTrace?', locale: null, replyToId: null, entities: null, value: null }));
      expect(response.status).to.equal(200);
    });

    it('replies only to this machine: a serviceUrl elsewhere is refused before any reply is sent', async () => {
      for (const elsewhere of ['http://10.0.0.8:3000/any/internal/path', 'https://203.0.113.9/', 'http://metadata.internal/']) {
        const response = await post(url, activity(elsewhere, { text: 'status IAD-2026-000001' }));
        expect(response.status, elsewhere).to.equal(400);
        expect(((await response.json()) as { error: { code: string } }).error.code).to.equal('BadServiceUrl');
      }
    });

    it('refuses requests relayed by a proxy, since every client would then seem to be this machine', async () => {
      for (const header of ['x-forwarded-for', 'forwarded', 'x-real-ip']) {
        const response = await post(url, activity(serviceUrl, { text: 'hi' }), { [header]: '198.51.100.7' });
        expect(response.status, header).to.equal(403);
      }
    });

    it('limits each conversation to a burst, then answers 429 with Retry-After; other conversations go on', async () => {
      const conversation = { id: `busy-${Date.now()}` };
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await post(url, activity(serviceUrl, { conversation, text: 'hi' }))).status);
      expect(statuses).to.deep.equal([200, 200, 200, 200, 200, 429, 429]);
      const limited = await post(url, activity(serviceUrl, { conversation, text: 'hi' }));
      expect(limited.headers.get('retry-after')).to.match(/^\d+$/);
      expect(Number(limited.headers.get('retry-after'))).to.be.within(1, 10);
      expect((await post(url, activity(serviceUrl, { conversation: { id: `calm-${Date.now()}` }, text: 'hi' }))).status).to.equal(200);
    });
  });

  describe('default rate limits', () => {
    const running = appWithChannel();
    it('let a partner through a burst of a join and ten quick messages (what the benchmark does)', async () => {
      const { url, serviceUrl } = running;
      const conversation = { id: `bench-like-${Date.now()}` };
      const first = await post(url, activity(serviceUrl, { conversation, type: 'conversationUpdate', membersAdded: [{ id: 'partner-1' }] }));
      expect(first.status).to.equal(200);
      const statuses = await Promise.all(Array.from({ length: 10 }, () => post(url, activity(serviceUrl, { conversation, text: 'What is eTrace?' })).then((r) => r.status)));
      expect(statuses.every((status) => status === 200)).to.equal(true);
    });
  });

  describe('with app credentials, when tokens cannot be checked', () => {
    let app: App;
    let url: string;
    let metadata: Server;
    let metadataRequests = 0;
    before(async () => {
      // The identity service's metadata is down: a stand-in answers 500.
      metadata = createServer((_req, res) => {
        metadataRequests++;
        res.writeHead(500);
        res.end('down');
      });
      await new Promise<void>((resolve) => metadata.listen(0, '127.0.0.1', resolve));
      const metadataUrl = `http://127.0.0.1:${(metadata.address() as AddressInfo).port}/v1/.well-known/openidconfiguration`;
      ({ app, url } = await startTestApp({
        MicrosoftAppId: '00000000-0000-0000-0000-000000000004',
        MicrosoftAppPassword: 'x',
        ToBotFromChannelOpenIdMetadataUrl: metadataUrl,
        ToBotFromEmulatorOpenIdMetadataUrl: metadataUrl,
      }));
    });
    after(async () => {
      await app.close();
      await new Promise((resolve) => metadata.close(resolve));
    });

    /** A JWT with the right shape and claims and a made-up signature. */
    function forgedToken(): string {
      const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
      const now = Math.floor(Date.now() / 1000);
      return [
        part({ alg: 'RS256', typ: 'JWT', kid: 'forged-key' }),
        part({ iss: 'https://api.botframework.com', aud: '00000000-0000-0000-0000-000000000004', exp: now + 3600, nbf: now - 60, serviceurl: 'http://127.0.0.1:9' }),
        Buffer.from('not a signature').toString('base64url'),
      ].join('.');
    }

    it('answers a forged token with 401 while the signing keys cannot be read, and no internals', async () => {
      const response = await post(url, activity('http://127.0.0.1:9', { text: 'hi' }), { authorization: `Bearer ${forgedToken()}` });
      expect(response.status).to.equal(401); // botbuilder reads no key, so it cannot vouch for the token
      const body = await response.text();
      expect(JSON.parse(body).error.message).to.be.a('string');
      expect(body).to.not.match(/stack|at \w+ \(|ECONN|openid|127\.0\.0\.1|Error:/i);
      expect(metadataRequests).to.be.greaterThan(0); // it did try, at the address configured (no other network)
      expect((await fetch(`${url}/healthz`)).status).to.equal(200);
    });

    it('answers no token and a garbage token with 401', async () => {
      expect((await post(url, activity('http://127.0.0.1:9', { text: 'hi' }))).status).to.equal(401);
      expect((await post(url, activity('http://127.0.0.1:9', { text: 'hi' }), { authorization: 'Bearer not.a.jwt' })).status).to.equal(401);
    });
  });
});
