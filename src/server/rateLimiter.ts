/** A token bucket's size and refill: `burst` requests at once, then `perMinute` a minute. */
export interface RateLimit {
  burst: number;
  perMinute: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * Token buckets by key (a conversation, a client address). A bucket that has refilled is
 * the same as no bucket, so when the table reaches `maxKeys` full buckets are dropped; if it
 * is still full the oldest go, which at worst gives their owners a fresh burst. Memory stays
 * bounded whatever keys a client invents.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;

  constructor(
    private readonly limit: RateLimit,
    private readonly options: { now?: () => number; maxKeys?: number } = {},
  ) {
    this.perMs = limit.perMinute / 60_000;
  }

  take(key: string): RateDecision {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? this.newBucket(key, now);
    bucket.tokens = Math.min(this.limit.burst, bucket.tokens + (now - bucket.updatedAt) * this.perMs);
    bucket.updatedAt = now;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000)) };
  }

  /** How many keys are tracked (for tests of the memory bound). */
  get size(): number {
    return this.buckets.size;
  }

  private newBucket(key: string, now: number): Bucket {
    const maxKeys = this.options.maxKeys ?? 100_000;
    if (this.buckets.size >= maxKeys) this.sweep(now, maxKeys);
    const bucket = { tokens: this.limit.burst, updatedAt: now };
    this.buckets.set(key, bucket);
    return bucket;
  }

  private sweep(now: number, maxKeys: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.updatedAt) * this.perMs >= this.limit.burst) this.buckets.delete(key);
    }
    // Map order is insertion order: the first keys are the oldest.
    for (const key of this.buckets.keys()) {
      if (this.buckets.size < maxKeys) break;
      this.buckets.delete(key);
    }
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}
