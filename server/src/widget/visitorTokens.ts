/**
 * Visitor session tokens: who the visitor is (site, visitor id, the verified user id when there is
 * one) and until when, signed with HMAC-SHA256 under the widget's token key
 * (`vt1.<claims>.<signature>`, base64url). Nothing is stored per session: a token that verifies
 * is the session. A token names its site, so one issued on one site is refused by every other.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

const PREFIX = 'vt1';
/** How long a session lasts without a visit; every session call renews it. */
export const VISITOR_TOKEN_TTL_SECONDS = 30 * 24 * 60 * 60;

const claimsSchema = z.object({
  /** The site's id (not its key). */
  s: z.string().min(1).max(100),
  /** The visitor's id. */
  v: z.string().min(1).max(100),
  /** The verified user id. */
  u: z.string().min(1).max(200).optional(),
  /** The verified user's display name. */
  n: z.string().max(100).optional(),
  /** Expiry, seconds since the epoch. */
  e: z.number().int().positive(),
});

export interface VisitorClaims {
  siteId: string;
  visitorId: string;
  userId?: string | undefined;
  name?: string | undefined;
  /** Seconds since the epoch. */
  expiresAt: number;
}

function signature(key: Buffer, payload: string): Buffer {
  return createHmac('sha256', key).update(`${PREFIX}.${payload}`).digest();
}

export function signVisitorToken(key: Buffer, claims: VisitorClaims): string {
  const body = {
    s: claims.siteId,
    v: claims.visitorId,
    ...(claims.userId === undefined ? {} : { u: claims.userId }),
    ...(claims.name === undefined ? {} : { n: claims.name }),
    e: claims.expiresAt,
  };
  const payload = Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
  return `${PREFIX}.${payload}.${signature(key, payload).toString('base64url')}`;
}

/** The claims of a token signed with `key` that has not expired at `nowSeconds`; undefined for anything else. */
export function verifyVisitorToken(key: Buffer, token: string, nowSeconds: number): VisitorClaims | undefined {
  const [prefix, payload, sig, extra] = token.split('.');
  if (prefix !== PREFIX || payload === undefined || sig === undefined || extra !== undefined) return undefined;
  const given = Buffer.from(sig, 'base64url');
  const expected = signature(key, payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const claims = claimsSchema.safeParse(parsed);
  if (!claims.success || claims.data.e <= nowSeconds) return undefined;
  return { siteId: claims.data.s, visitorId: claims.data.v, userId: claims.data.u, name: claims.data.n, expiresAt: claims.data.e };
}
