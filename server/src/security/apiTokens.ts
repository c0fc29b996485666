/**
 * API token format and hashing. A token is `tdm_` + 32 random bytes (base64url); only its SHA-256
 * is stored, so a leaked database does not leak working tokens.
 */
import { createHash, randomBytes } from 'node:crypto';

const TOKEN_PREFIX = 'tdm_';

export function generateApiToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

export function hashApiToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Extracts the token from `Authorization: Bearer <token>`; anything else counts as no token. */
export function bearerToken(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S{16,512})$/i.exec(header.trim());
  return match?.[1];
}
