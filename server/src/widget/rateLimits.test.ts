import { describe, expect, it } from 'vitest';
import { RateLimitedError, TokenBuckets, widgetRateLimiter } from './rateLimits.js';

describe('rate limits', () => {
  it('lets a bucket’s capacity through, then says when the next token is back', () => {
    let now = 0;
    const buckets = new TokenBuckets({ capacity: 2, refillPerSecond: 0.5 }, () => now);
    expect([buckets.take('a'), buckets.take('a')]).toEqual([0, 0]);
    expect(buckets.take('a')).toBe(2);
    expect(buckets.take('b')).toBe(0);
    now = 1_000;
    expect(buckets.take('a')).toBe(1);
    now = 2_000;
    expect(buckets.take('a')).toBe(0);
    now = 60_000;
    expect([buckets.take('a'), buckets.take('a'), buckets.take('a')]).toEqual([0, 0, 2]);
  });

  it('limits addresses, new sessions, visitors and sites apart', () => {
    let now = 0;
    const limits = widgetRateLimiter(
      {
        perIp: { capacity: 2, refillPerSecond: 1 },
        sessionsPerIp: { capacity: 1, refillPerSecond: 0.1 },
        messagesPerVisitor: { capacity: 1, refillPerSecond: 0.1 },
        messagesPerSite: { capacity: 2, refillPerSecond: 0.1 },
      },
      () => now,
    );
    limits.request('1.1.1.1');
    limits.request('1.1.1.1');
    expect(() => limits.request('1.1.1.1')).toThrow(RateLimitedError);
    limits.request('2.2.2.2');
    limits.session('1.1.1.1');
    expect(() => limits.session('1.1.1.1')).toThrow(/sessions/);
    limits.message('site', 'v1');
    const refused = (() => {
      try {
        limits.message('site', 'v1');
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(refused).toMatchObject({ code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 10 });
    limits.message('site', 'v2');
    expect(() => limits.message('site', 'v3')).toThrow(/site/);
    limits.message('other', 'v3');
    now = 10_000;
    limits.message('site', 'v1');
  });
});
