import { expect } from 'chai';
import type restify from 'restify';
import { clientAddress, isLoopbackAddress, isLoopbackUrl } from '../../src/server/clientAddress';
import { localOnly } from '../../src/server/guards';

/** Just what the functions read of a request: its peer address and headers. */
const requestFrom = (remoteAddress: string, headers: Record<string, string> = {}) => ({ socket: { remoteAddress }, headers }) as unknown as restify.Request;

describe('server/clientAddress', () => {
  const addresses: [string, boolean][] = [
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['10.0.0.1', false],
    ['192.168.1.2', false],
    ['::ffff:10.0.0.1', false],
    ['127.example.org', false],
    ['', false],
  ];
  for (const [address, loopback] of addresses) it(`${address || '(none)'} is ${loopback ? '' : 'not '}this machine`, () => expect(isLoopbackAddress(address)).to.equal(loopback));

  const urls: [string, boolean][] = [
    ['http://localhost:3999/v3', true],
    ['http://127.0.0.1:9/any', true],
    ['http://[::1]:9/', true],
    ['http://10.0.0.8:3000/any/internal/path', false],
    ['https://smba.trafficmanager.net/amer/', false],
    ['http://127.0.0.1.nip.io/', false],
    ['not a url', false],
  ];
  for (const [url, loopback] of urls) it(`${url} is ${loopback ? '' : 'not '}on this machine`, () => expect(isLoopbackUrl(url)).to.equal(loopback));

  it('takes the socket peer, and the proxy-appended address only when the proxy is trusted', () => {
    const behindProxy = requestFrom('10.1.0.4', { 'x-forwarded-for': '198.51.100.1, 203.0.113.7:51234' });
    expect(clientAddress(behindProxy, false)).to.equal('10.1.0.4');
    expect(clientAddress(behindProxy, true)).to.equal('203.0.113.7');
    expect(clientAddress(requestFrom('10.1.0.4', { 'x-forwarded-for': 'garbage' }), true)).to.equal('10.1.0.4');
  });

  it('lets only this machine through a local-only route, and nobody through a proxy', () => {
    const run = (req: restify.Request, allowRemote = false) => {
      let status = 0;
      let passed: unknown = 'not called';
      const res = { header: () => undefined, send: (code: number) => (status = code) } as unknown as restify.Response;
      localOnly(allowRemote, 'This')(req, res, ((result?: unknown) => (passed = result)) as restify.Next);
      return passed === undefined ? 'passed' : status;
    };
    expect(run(requestFrom('127.0.0.1'))).to.equal('passed');
    expect(run(requestFrom('203.0.113.7'))).to.equal(403);
    expect(run(requestFrom('127.0.0.1', { 'x-forwarded-for': '203.0.113.7' }))).to.equal(403);
    expect(run(requestFrom('203.0.113.7'), true)).to.equal('passed');
  });
});
