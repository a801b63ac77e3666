import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import type { App } from '../../src/app';
import { exchangeSecret } from '../../src/server/webChat';
import { startTestApp } from './testApp';
import { cardActions, cardText } from '../helpers';



interface DirectLineActivity {
  type: string;
  id: string;
  text?: string;
  from: { id: string };
  channelData?: { iad?: { entryId?: string } };
  attachments?: { contentType: string; content: unknown }[];
}

/** A Direct Line 3.0 client, as Web Chat's DirectLineJS uses the API when polling. */
class DirectLineClient {
  conversationId = '';
  token = '';
  watermark = '0';

  constructor(private readonly url: string) {}

  /** Starts a conversation and, as the page does once connected, says it joined in its language (the welcome comes in reply). */
  async start(locale = 'en-US'): Promise<void> {
    const session = (await (await fetch(`${this.url}/api/directline/session`, { method: 'POST' })).json()) as { token: string; domain: string };
    expect(session.domain).to.equal('/v3/directline');
    const response = await fetch(`${this.url}/v3/directline/conversations`, { method: 'POST', headers: { authorization: `Bearer ${session.token}` } });
    expect(response.status).to.equal(201);
    const body = (await response.json()) as { conversationId: string; token: string };
    this.conversationId = body.conversationId;
    this.token = body.token;
    expect((await this.post({ type: 'event', name: 'webchat/join', value: { locale }, locale })).status).to.equal(200);
  }

  async post(activity: Record<string, unknown>): Promise<Response> {
    return fetch(`${this.url}/v3/directline/conversations/${this.conversationId}/activities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ from: { id: 'page-says-whatever' }, ...activity }),
    });
  }

  /** Polls until a bot message arrives after the watermark (or fails after a few seconds). */
  async botMessages(): Promise<DirectLineActivity[]> {
    for (let attempt = 0; attempt < 50; attempt++) {
      const response = await fetch(`${this.url}/v3/directline/conversations/${this.conversationId}/activities?watermark=${this.watermark}`, {
        headers: { authorization: `Bearer ${this.token}` },
      });
      const body = (await response.json()) as { activities: DirectLineActivity[]; watermark: string };
      this.watermark = body.watermark;
      const messages = body.activities.filter((a) => a.type === 'message' && a.from.id === 'bot');
      if (messages.length > 0) return messages;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('no bot message');
  }
}

describe('server/localDirectLine (Direct Line 3.0 for the web widget)', () => {
  let app: App;
  let url: string;
  before(async () => ({ app, url } = await startTestApp()));
  after(() => app.close());

  it('starts a conversation, welcomes, takes a message and returns the bot\'s cited answer by watermark', async () => {
    const client = new DirectLineClient(url);
    await client.start();
    const [welcome] = await client.botMessages();
    expect(welcome!.text).to.match(/^Welcome to the IAD Partner Assistant/);
    const posted = await client.post({ type: 'message', text: 'What is eTrace?' });
    expect(posted.status).to.equal(200);
    expect(((await posted.json()) as { id: string }).id).to.match(new RegExp(`^${client.conversationId}\\|`));
    const [answer] = await client.botMessages();
    expect(answer!.attachments![0]!.contentType).to.equal('application/vnd.microsoft.card.adaptive');
    expect(cardText(answer!)).to.include('Firearms tracing with eTrace');
    expect(cardText(answer!)).to.include('Source: ');
    expect(answer!.channelData?.iad?.entryId).to.equal('etrace-tracing');
  });

  it('welcomes in the language the page joined in, and marks the partner\'s messages as the user\'s', async () => {
    const client = new DirectLineClient(url);
    await client.start('es-MX');
    const [welcome] = await client.botMessages();
    expect(welcome!.text).to.match(/^Bienvenido al Asistente para Socios de la IAD/);
    await client.post({ type: 'message', text: '¿Qué es eTrace?', locale: 'es-MX' });
    const response = await fetch(`${url}/v3/directline/conversations/${client.conversationId}/activities?watermark=0`, { headers: { authorization: `Bearer ${client.token}` } });
    const { activities } = (await response.json()) as { activities: (DirectLineActivity & { text?: string; from: { role?: string } })[] };
    expect(activities.find((a) => a.text === '¿Qué es eTrace?')!.from.role).to.equal('user');
  });

  it('passes button values through, as Web Chat sends a card button', async () => {
    const client = new DirectLineClient(url);
    await client.start();
    await client.botMessages();
    await client.post({ type: 'message', text: 'What is BATS?' });
    const [reply] = await client.botMessages();
    const helpful = cardActions(reply!).find((a) => a.title === 'Yes, helpful')!;
    // Web Chat posts an Action.Submit as a message carrying only its data as the value.
    await client.post({ type: 'message', value: helpful.data });
    const [thanks] = await client.botMessages();
    expect(thanks!.text).to.equal('Thank you for the feedback.'); // only the button's value says which answer was rated
  });

  it('refuses a conversation without a session ticket, a wrong token, and a malformed activity', async () => {
    expect((await fetch(`${url}/v3/directline/conversations`, { method: 'POST' })).status).to.equal(403);
    const client = new DirectLineClient(url);
    await client.start();
    const stolen = new DirectLineClient(url);
    stolen.conversationId = client.conversationId;
    stolen.token = 'guessed';
    expect((await stolen.post({ type: 'message', text: 'hi' })).status).to.equal(403);
    const bad = await client.post({ type: 'message', text: 42 });
    expect(bad.status).to.equal(400);
    expect(await bad.text()).to.match(/Not a valid activity: text/);
    const unknown = new DirectLineClient(url);
    unknown.conversationId = 'nope';
    unknown.token = client.token;
    expect((await unknown.post({ type: 'message', text: 'hi' })).status).to.equal(404);
  });

  it('serves the page with its security headers and the Web Chat bundle from the installed package', async () => {
    const page = await fetch(`${url}/`);
    expect(page.status).to.equal(200);
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).to.include("script-src 'self'");
    expect(csp).to.include("connect-src 'self'");
    expect(csp).to.include("frame-ancestors 'self'");
    expect(page.headers.get('x-content-type-options')).to.equal('nosniff');
    expect(await page.text()).to.include('<script src="/webchat/webchat.js"></script>');
    const bundle = await fetch(`${url}/webchat/webchat.js`);
    expect(bundle.headers.get('content-type')).to.match(/javascript/);
    expect((await bundle.arrayBuffer()).byteLength).to.be.greaterThan(1_000_000);
    expect(await (await fetch(`${url}/embed.js`)).text()).to.include("panel.src = origin + '/?embedded=1'");
  });

  describe('limits (a client cannot grow memory or push partners out)', () => {
    let limited: { app: App; url: string };
    before(async () => (limited = await startTestApp({ CLIENT_RATE_BURST: '1000', CONVERSATION_RATE_BURST: '1000' })));
    after(() => limited.app.close());

    it('refuses an oversized message with 413 and drops fields Web Chat does not send', async () => {
      const client = new DirectLineClient(limited.url);
      await client.start();
      await client.botMessages();
      expect((await client.post({ type: 'message', text: 'x'.repeat(900 * 1024) })).status).to.equal(413);
      expect((await client.post({ type: 'message', text: 'x'.repeat(9_000) })).status).to.equal(400);
      expect((await client.post({ type: 'message', value: { blob: 'x'.repeat(5_000) } })).status).to.equal(400);
      const posted = await client.post({ type: 'message', text: 'What is eTrace?', smuggled: 'y'.repeat(10_000), serviceUrl: 'http://10.0.0.1/' });
      expect(posted.status).to.equal(200);
      const all = (await (await fetch(`${limited.url}/v3/directline/conversations/${client.conversationId}/activities?watermark=0`, { headers: { authorization: `Bearer ${client.token}` } })).json()) as { activities: Record<string, unknown>[] };
      const mine = all.activities.find((a) => a.text === 'What is eTrace?')!;
      expect(mine).to.not.have.property('smuggled');
      expect(mine).to.not.have.property('serviceUrl');
    });

    it('keeps only the latest activities of a conversation, and watermarks still work', async () => {
      const client = new DirectLineClient(limited.url);
      await client.start();
      for (let i = 0; i < 60; i++) expect((await client.post({ type: 'message', text: `thanks ${i}` })).status).to.equal(200);
      const read = async (watermark: string) =>
        (await (await fetch(`${limited.url}/v3/directline/conversations/${client.conversationId}/activities?watermark=${watermark}`, { headers: { authorization: `Bearer ${client.token}` } })).json()) as {
          activities: { id: string }[];
          watermark: string;
        };
      // The bot answers the 60 messages one after another: wait until it has said everything.
      let everything = await read('0');
      for (let settled = 0; settled < 3; ) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        const again = await read('0');
        settled = again.watermark === everything.watermark ? settled + 1 : 0;
        everything = again;
      }
      expect(everything.activities.length).to.be.at.most(100);
      expect(Number(everything.watermark)).to.be.greaterThan(100); // more happened than is kept
      expect(Number(everything.activities[0]!.id.split('|')[1])).to.equal(Number(everything.watermark) - everything.activities.length);
      expect((await read(everything.watermark)).activities).to.have.length(0);
    });

    it('refuses new conversations while the table is full of live ones, and the live ones go on', async () => {
      const first = new DirectLineClient(limited.url);
      await first.start();
      await first.botMessages();
      const statuses: number[] = [];
      for (let i = 0; i < 220; i++) {
        const session = await fetch(`${limited.url}/api/directline/session`, { method: 'POST' });
        if (session.status !== 200) {
          statuses.push(session.status);
          continue;
        }
        const { token } = (await session.json()) as { token: string };
        statuses.push((await fetch(`${limited.url}/v3/directline/conversations`, { method: 'POST', headers: { authorization: `Bearer ${token}` } })).status);
      }
      expect(statuses).to.include(503);
      expect(statuses.filter((s) => s !== 201 && s !== 503)).to.deep.equal([]);
      expect((await first.post({ type: 'message', text: 'What is BATS?' })).status).to.equal(200);
      expect(cardText((await first.botMessages())[0]!)).to.include('Bomb Arson Tracking System');
    });
  });

  describe('who may call it', () => {
    it('refuses a client relayed by a proxy, and limits each address', async () => {
      const strict = await startTestApp({ CLIENT_RATE_BURST: '3', CLIENT_RATE_PER_MINUTE: '1' });
      try {
        const proxied = await fetch(`${strict.url}/api/directline/session`, { method: 'POST', headers: { 'x-forwarded-for': '203.0.113.7' } });
        expect(proxied.status).to.equal(403);
        const statuses = [];
        for (let i = 0; i < 4; i++) statuses.push((await fetch(`${strict.url}/api/directline/session`, { method: 'POST' })).status);
        expect(statuses).to.deep.equal([200, 200, 200, 429]);
      } finally {
        await strict.app.close();
      }
    });
  });

  describe('in production', () => {
    it('is off when app credentials are configured, and the page says why it has no session', async () => {
      const production = await startTestApp({ MicrosoftAppId: '00000000-0000-0000-0000-000000000002', MicrosoftAppPassword: 'x', WEB_FRAME_ANCESTORS: "'self' https://portal.example.org" });
      try {
        expect((await fetch(`${production.url}/v3/directline/conversations`, { method: 'POST' })).status).to.equal(404);
        expect((await fetch(`${production.url}/api/directline/session`, { method: 'POST' })).status).to.equal(503);
        expect((await fetch(`${production.url}/`)).headers.get('content-security-policy')).to.include("frame-ancestors 'self' https://portal.example.org");
      } finally {
        await production.app.close();
      }
    });

    it('exchanges the Direct Line secret for a token, server side, with the request Direct Line expects', async () => {
      const seen: { method?: string; url?: string; authorization?: string; body?: string }[] = [];
      const stub: Server = createServer((req, res) => {
        let body = '';
        req.on('data', (chunk) => (body += chunk));
        req.on('end', () => {
          seen.push({ method: req.method, url: req.url, authorization: req.headers.authorization, body });
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ conversationId: 'c1', token: 'short-lived-token', expires_in: 1800 }));
        });
      });
      await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
      const endpoint = `http://127.0.0.1:${(stub.address() as AddressInfo).port}`;
      try {
        const azure = await startTestApp({ DIRECT_LINE_SECRET: 'the-secret', DIRECT_LINE_ENDPOINT: endpoint });
        try {
          const session = (await (await fetch(`${azure.url}/api/directline/session`, { method: 'POST' })).json()) as { token: string; domain: string };
          expect(session).to.deep.equal({ token: 'short-lived-token', domain: `${endpoint}/v3/directline` });
          expect(JSON.stringify(session)).to.not.include('the-secret');
          expect((await fetch(`${azure.url}/`)).headers.get('content-security-policy')).to.include(`connect-src 'self' ${endpoint}`);
        } finally {
          await azure.app.close();
        }
        expect(seen).to.have.length(1);
        expect(seen[0]).to.deep.include({ method: 'POST', url: '/v3/directline/tokens/generate', authorization: 'Bearer the-secret' });
        expect(JSON.parse(seen[0]!.body!).user.id).to.match(/^dl_[0-9a-f]{24}$/);
        await exchangeSecret(endpoint, 'the-secret');
        expect(seen).to.have.length(2);
      } finally {
        await new Promise((resolve) => stub.close(resolve));
      }
    });
  });
});
