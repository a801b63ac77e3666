import { expect } from 'chai';
import { RateLimiter } from '../../src/server/rateLimiter';

function clock() {
  let now = 1_000_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('server/rateLimiter', () => {
  it('allows a burst, then one request per refill interval, and says when to retry', () => {
    const time = clock();
    const limiter = new RateLimiter({ burst: 3, perMinute: 60 }, { now: time.now });
    expect([1, 2, 3].map(() => limiter.take('a').allowed)).to.deep.equal([true, true, true]);
    expect(limiter.take('a')).to.deep.equal({ allowed: false, retryAfterSeconds: 1 });
    time.advance(1_000);
    expect(limiter.take('a').allowed).to.equal(true);
    expect(limiter.take('a').allowed).to.equal(false);
  });

  it('keeps keys apart', () => {
    const limiter = new RateLimiter({ burst: 1, perMinute: 1 }, { now: clock().now });
    expect(limiter.take('a').allowed).to.equal(true);
    expect(limiter.take('a')).to.deep.equal({ allowed: false, retryAfterSeconds: 60 });
    expect(limiter.take('b').allowed).to.equal(true);
  });

  it('refills no further than the burst', () => {
    const time = clock();
    const limiter = new RateLimiter({ burst: 2, perMinute: 60 }, { now: time.now });
    limiter.take('a');
    time.advance(3_600_000);
    expect([1, 2, 3].map(() => limiter.take('a').allowed)).to.deep.equal([true, true, false]);
  });

  it('stays bounded in memory whatever keys are invented, dropping refilled buckets first', () => {
    const time = clock();
    const limiter = new RateLimiter({ burst: 2, perMinute: 60 }, { now: time.now, maxKeys: 100 });
    limiter.take('busy');
    limiter.take('busy');
    for (let i = 0; i < 1_000; i++) limiter.take(`invented-${i}`);
    expect(limiter.size).to.be.at.most(100);
    time.advance(10); // too little for the busy bucket to refill
    for (let i = 0; i < 50; i++) limiter.take(`more-${i}`);
    expect(limiter.size).to.be.at.most(100);
  });
});
