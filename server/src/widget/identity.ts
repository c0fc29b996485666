/**
 * Verified visitors (as Intercom's identity verification): the site's backend computes
 * `hex(HMAC-SHA256(identitySecret, userId))` for its signed-in user and the page passes both; the
 * server recomputes it with the site's secret. A verified visitor's id is derived from the site
 * and the user id, so the same person finds their conversations on every device, and their user
 * id is how the live context knows them: an e-mail address, or the external id their events carry.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { CustomerRef } from '@tandem/shared';

export function identityHash(identitySecret: string, userId: string): string {
  return createHmac('sha256', identitySecret).update(userId, 'utf8').digest('hex');
}

export function identityMatches(identitySecret: string, userId: string, userHash: string): boolean {
  const expected = Buffer.from(identityHash(identitySecret, userId), 'hex');
  const given = Buffer.from(userHash.toLowerCase(), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** A verified user's visitor id on a site: stable, and not the user id itself (it is shown to the page). */
export function verifiedVisitorId(siteId: string, userId: string): string {
  return `vis_u${createHash('sha256').update(`${siteId}\u0000${userId}`, 'utf8').digest('base64url').slice(0, 22)}`;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** How the live context knows a verified user: by e-mail when the user id is one, else by external id. */
export function customerRefOf(userId: string): CustomerRef {
  return EMAIL.test(userId) ? { email: userId.toLowerCase() } : { externalId: userId };
}

/** The live context's keys for a customer (as its projection files them): an alert names one of them. */
export function customerKeysOf(ref: { email?: string | undefined; externalId?: string | undefined }): string[] {
  const keys: string[] = [];
  const email = ref.email?.trim().toLowerCase();
  if (email !== undefined && email !== '') keys.push(`email:${email}`);
  if (ref.externalId !== undefined && ref.externalId !== '') keys.push(`ext:${ref.externalId}`);
  return keys;
}
