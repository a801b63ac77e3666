import { isIP } from 'node:net';
import type restify from 'restify';

/** Headers a reverse proxy adds; behind one, every client seems to come from the proxy's address. */
const PROXY_HEADERS = ['forwarded', 'x-forwarded-for', 'x-real-ip'] as const;

export function isLoopbackAddress(address: string): boolean {
  const plain = address.startsWith('::ffff:') ? address.slice(7) : address;
  return plain === '::1' || (isIP(plain) === 4 && plain.startsWith('127.'));
}

/** A URL on this machine: `localhost`, 127.0.0.0/8 or [::1]. */
export function isLoopbackUrl(url: string): boolean {
  try {
    const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
    return host === 'localhost' || isLoopbackAddress(host);
  } catch {
    return false;
  }
}

export function carriesProxyHeaders(req: restify.Request): boolean {
  return PROXY_HEADERS.some((name) => req.headers[name] !== undefined);
}

/**
 * The address a request comes from. With `trustProxy` (the server runs behind one reverse
 * proxy that appends the client to X-Forwarded-For, as Azure App Service does), the last
 * entry of that header; otherwise the socket's peer. Earlier entries are the client's own
 * claims and are never trusted.
 */
export function clientAddress(req: restify.Request, trustProxy: boolean): string {
  const socket = req.socket.remoteAddress ?? 'unknown';
  if (!trustProxy) return socket;
  const header = req.headers['x-forwarded-for'];
  const last = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').at(-1)?.trim();
  // App Service writes "ip:port"; IPv6 addresses may come bracketed.
  const address = last?.replace(/^\[([^\]]+)\](?::\d+)?$/, '$1').replace(/^(\d+\.\d+\.\d+\.\d+):\d+$/, '$1');
  return address && isIP(address) ? address : socket;
}
