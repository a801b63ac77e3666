import type restify from 'restify';
import { carriesProxyHeaders, clientAddress, isLoopbackAddress } from './clientAddress';
import { sendError } from './httpError';
import type { RateLimiter } from './rateLimiter';

/** From this machine, and not relayed by a reverse proxy (behind one, every client would seem local). */
export function isLocalRequest(req: restify.Request): boolean {
  return isLoopbackAddress(req.socket.remoteAddress ?? '') && !carriesProxyHeaders(req);
}

/** Route middleware: requests from this machine only, unless `allowRemote`. */
export function localOnly(allowRemote: boolean, what: string): restify.RequestHandler {
  return function localOnly(req: restify.Request, res: restify.Response, next: restify.Next) {
    if (allowRemote || isLocalRequest(req)) return next();
    sendError(res, 403, 'Forbidden', `${what} only accepts connections from this machine.`);
    return next(false);
  };
}

/** Route middleware: a token bucket per client address; 429 with Retry-After when it is empty. */
export function limitPerAddress(limiter: RateLimiter, trustProxy: boolean): restify.RequestHandler {
  return function limitPerAddress(req: restify.Request, res: restify.Response, next: restify.Next) {
    const rate = limiter.take(clientAddress(req, trustProxy));
    if (rate.allowed) return next();
    sendError(res, 429, 'TooManyRequests', 'Too many requests from this address; wait a moment.', { 'retry-after': String(rate.retryAfterSeconds) });
    return next(false);
  };
}
