/**
 * Rate limits of the widget's public routes: token buckets per client address, per visitor and per
 * site key, in this process (several nodes will share them through Redis with the scale-out
 * work). A bucket holds `capacity` requests and refills `refillPerSecond`; a request that finds
 * it empty is refused with the seconds until one is back. Buckets unused long enough to be full
 * again are forgotten, and the map is bounded, so a flood of addresses cannot grow it without end.
 */
import { ServiceError } from '../errors/serviceError.js';

export interface BucketRule {
  capacity: number;
  refillPerSecond: number;
}

export interface WidgetRateLimits {
  /** Every request, per client address. */
  perIp: BucketRule;
  /** New visitor sessions, per client address (each one is a new signed token). */
  sessionsPerIp: BucketRule;
  /** Messages, per visitor (each one may cost a model call). */
  messagesPerVisitor: BucketRule;
  /** Messages, per site key: what one site's visitors together may cost. */
  messagesPerSite: BucketRule;
  /** Typed previews, per visitor (each one may cost an embedding). */
  previewsPerVisitor: BucketRule;
}

export const DEFAULT_WIDGET_RATE_LIMITS: WidgetRateLimits = {
  perIp: { capacity: 120, refillPerSecond: 2 },
  sessionsPerIp: { capacity: 20, refillPerSecond: 0.1 },
  messagesPerVisitor: { capacity: 10, refillPerSecond: 0.25 },
  messagesPerSite: { capacity: 500, refillPerSecond: 20 },
  previewsPerVisitor: { capacity: 10, refillPerSecond: 1 },
};

/** A refusal the routes answer with 429 and `Retry-After`. */
export class RateLimitedError extends ServiceError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('TOO_MANY_REQUESTS', message);
    this.name = 'RateLimitedError';
  }
}

const MAX_BUCKETS = 100_000;

export class TokenBuckets {
  readonly #buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    readonly rule: BucketRule,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one token for `key`; returns 0 when it got one, else the seconds until one is back. */
  take(key: string): number {
    const now = this.now();
    const bucket = this.#buckets.get(key);
    const refilled =
      bucket === undefined
        ? this.rule.capacity
        : Math.min(this.rule.capacity, bucket.tokens + ((now - bucket.at) / 1000) * this.rule.refillPerSecond);
    if (refilled < 1) {
      return Math.max(1, Math.ceil((1 - refilled) / this.rule.refillPerSecond));
    }
    // Re-inserted so the map's order is least recently used first.
    this.#buckets.delete(key);
    this.#buckets.set(key, { tokens: refilled - 1, at: now });
    if (this.#buckets.size > MAX_BUCKETS) this.#evict(now);
    return 0;
  }

  /** Forgets buckets that are full again (they behave as new ones), then the least recently used. */
  #evict(now: number): void {
    const fullAfterMs = (this.rule.capacity / this.rule.refillPerSecond) * 1000;
    for (const [key, b] of this.#buckets) if (now - b.at >= fullAfterMs) this.#buckets.delete(key);
    for (const key of this.#buckets.keys()) {
      if (this.#buckets.size <= MAX_BUCKETS * 0.9) break;
      this.#buckets.delete(key);
    }
  }
}

export function widgetRateLimiter(limits: Partial<WidgetRateLimits> = {}, now: () => number = Date.now) {
  const rules = { ...DEFAULT_WIDGET_RATE_LIMITS, ...limits };
  const perIp = new TokenBuckets(rules.perIp, now);
  const sessionsPerIp = new TokenBuckets(rules.sessionsPerIp, now);
  const perVisitor = new TokenBuckets(rules.messagesPerVisitor, now);
  const perSite = new TokenBuckets(rules.messagesPerSite, now);
  const previews = new TokenBuckets(rules.previewsPerVisitor, now);
  const check = (buckets: TokenBuckets, key: string, message: string) => {
    const wait = buckets.take(key);
    if (wait > 0) throw new RateLimitedError(message, wait);
  };
  return {
    /** Every request from `ip`. */
    request: (ip: string) => check(perIp, ip, 'Too many requests from this address; try again shortly'),
    /** A new session from `ip`. */
    session: (ip: string) => check(sessionsPerIp, ip, 'Too many new sessions from this address; try again shortly'),
    /** A message from a visitor of a site: the site's bucket is charged only when the visitor's had room. */
    /** A typed preview from a visitor of a site. */
    preview: (siteId: string, visitorId: string) =>
      check(previews, `${siteId} ${visitorId}`, 'You are typing faster than previews are taken; the message itself is not affected'),
    message(siteId: string, visitorId: string): void {
      check(perVisitor, `${siteId} ${visitorId}`, 'You are sending messages too fast; wait a moment');
      check(perSite, siteId, 'This site is receiving too many messages; try again shortly');
    },
  };
}
export type WidgetRateLimiter = ReturnType<typeof widgetRateLimiter>;
