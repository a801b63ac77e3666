import { request } from 'node:http';
import { gzipSync } from 'node:zlib';
import { expect } from 'chai';
import type { App } from '../../src/app';
import { parseJson } from '../../src/server/jsonBody';
import { cardText } from '../helpers';
import { ChannelStub } from './channelStub';
import { startTestApp } from './testApp';

/** Sends a raw body with the given headers, as curl would, and returns the status and body. */
function rawPost(url: string, body: Buffer | string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A chunked upload (no Content-Length) of `total` bytes: the size limit must count what arrives. */
function chunkedPost(url: string, total: number): Promise<number> {
  return new Promise((resolve) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(-1));
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    const pump = () => {
      while (sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

describe('server/jsonBody (what a request body may be)', () => {
  let app: App;
  let url: string;
  let routes: Record<string, string>;
  const channel = new ChannelStub();
  let serviceUrl: string;

  before(async () => {
    ({ app, url } = await startTestApp());
    serviceUrl = await channel.start();
    const ticket = ((await (await fetch(`${url}/api/directline/session`, { method: 'POST' })).json()) as { token: string }).token;
    const started = (await (await fetch(`${url}/v3/directline/conversations`, { method: 'POST', headers: { authorization: `Bearer ${ticket}` } })).json()) as { conversationId: string };
    routes = {
      'the messaging endpoint': '/api/messages',
      'the web chat session': '/api/directline/session',
      'a new web conversation': '/v3/directline/conversations',
      'a web chat message': `/v3/directline/conversations/${started.conversationId}/activities`,
      'the local connector': `/directline-connector/v3/conversations/${started.conversationId}/activities`,
    };
  });
  after(async () => {
    await app.close();
    await channel.stop();
  });

  const refused: [string, Buffer | string, Record<string, string>, number, RegExp][] = [
    ['five bytes labelled gzip (the crash of restify #1785)', 'hello', { 'content-type': 'application/json', 'content-encoding': 'gzip' }, 415, /Compressed request bodies/],
    ['a real gzip bomb', gzipSync(Buffer.alloc(50 * 1024 * 1024, 0x20)), { 'content-type': 'application/json', 'content-encoding': 'gzip' }, 415, /Compressed/],
    ['deflate', 'x', { 'content-type': 'application/json', 'content-encoding': 'deflate' }, 415, /Compressed/],
    ['a form post (a cross-site form could send one)', 'type=message&text=hi', { 'content-type': 'application/x-www-form-urlencoded' }, 415, /application\/json/],
    ['multipart', '--x\r\n\r\n--x--', { 'content-type': 'multipart/form-data; boundary=x' }, 415, /application\/json/],
    ['plain text', '{"type":"message"}', { 'content-type': 'text/plain' }, 415, /application\/json/],
    ['JSON in another charset', '{}', { 'content-type': 'application/json; charset=latin1' }, 415, /UTF-8/],
    ['broken JSON', '{"type": ', { 'content-type': 'application/json' }, 400, /not valid JSON/],
    ['bytes that are not UTF-8', Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), { 'content-type': 'application/json' }, 400, /UTF-8/],
    ['JSON nested a hundred deep', `${'['.repeat(100)}${']'.repeat(100)}`, { 'content-type': 'application/json' }, 400, /nested deeper/],
  ];
  for (const [name, body, headers, status, reason] of refused) {
    it(`refuses ${name} on every route that reads a body, with ${status} and a reason`, async () => {
      for (const [route, path] of Object.entries(routes)) {
        const response = await rawPost(`${url}${path}`, body, headers);
        expect(response.status, route).to.equal(status);
        expect(JSON.parse(response.body).error.message, route).to.match(reason);
      }
    });
  }

  it('refuses a body over the limit, whether it announces its length or streams it', async () => {
    const big = Buffer.alloc(2 * 1024 * 1024, 0x20);
    expect((await rawPost(`${url}/api/messages`, big, { 'content-type': 'application/json' })).status).to.equal(413);
    expect(await chunkedPost(`${url}/api/messages`, 3 * 1024 * 1024)).to.equal(413);
    expect(await chunkedPost(`${url}${routes['a web chat message']}`, 256 * 1024)).to.equal(413);
  });

  it('keeps serving: after all of that the bot answers the next question', async () => {
    const response = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ type: 'message', id: '1', channelId: 'emulator', serviceUrl, from: { id: 'p' }, recipient: { id: 'bot' }, conversation: { id: 'after-abuse' }, text: 'What is eTrace?' }),
    });
    expect(response.status).to.equal(200);
    const replies = await channel.waitFor(2);
    expect(cardText(replies.at(-1)!)).to.include('eTrace');
  });

  describe('parseJson', () => {
    const table: [string, string, boolean][] = [
      ['an object', '{"a":[1,{"b":"}}}}"}]}', true],
      ['brackets inside strings do not count as depth', `{"a":"${'['.repeat(500)}"}`, true],
      ['an escaped quote inside a string', '{"a":"\\"[[["}', true],
      ['64 levels', `${'['.repeat(64)}${']'.repeat(64)}`, true],
      ['65 levels', `${'['.repeat(65)}${']'.repeat(65)}`, false],
      ['trailing garbage', '{} x', false],
    ];
    for (const [name, text, ok] of table) it(`${ok ? 'accepts' : 'refuses'} ${name}`, () => expect(parseJson(Buffer.from(text)).ok).to.equal(ok));
  });
});

describe('server/jsonBody with app credentials (before authentication)', () => {
  let app: App;
  let url: string;
  before(async () => ({ app, url } = await startTestApp({ MicrosoftAppId: '00000000-0000-0000-0000-000000000003', MicrosoftAppPassword: 'x', DIRECT_LINE_SECRET: 'secret', DIRECT_LINE_ENDPOINT: 'http://127.0.0.1:9' })));
  after(() => app.close());

  it('refuses a compressed body with 415 before anything else reads it, on both public routes', async () => {
    for (const path of ['/api/messages', '/api/directline/session']) {
      expect((await rawPost(`${url}${path}`, 'hello', { 'content-type': 'application/json', 'content-encoding': 'gzip' })).status, path).to.equal(415);
    }
    expect((await fetch(`${url}/healthz`)).status).to.equal(200);
  });
});
