/**
 * The two things a site is given: its public site key (`pk_` and 24 letters and digits, about
 * 143 random bits, so keys cannot be enumerated) and its identity secret (`wsec_` and 32 random
 * bytes), which the site's backend signs user ids with and which is shown once.
 */
import { randomBytes } from 'node:crypto';

const KEY_LETTERS = 24;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function newSiteKey(): string {
  let key = '';
  // Rejection sampling keeps every letter equally likely (256 is not a multiple of 62).
  while (key.length < KEY_LETTERS)
    for (const byte of randomBytes(32)) if (byte < 248 && key.length < KEY_LETTERS) key += ALPHABET.charAt(byte % 62);
  return `pk_${key}`;
}

export function newIdentitySecret(): string {
  return `wsec_${randomBytes(32).toString('base64url')}`;
}
