/**
 * Row ids: a readable prefix naming the kind of thing (`doc_`, `job_`, `tok_`) and 72 random bits,
 * so ids never collide across server nodes and never reveal how many rows a tenant has.
 */
import { randomBytes } from 'node:crypto';

export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(9).toString('base64url')}`;
}
