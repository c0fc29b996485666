import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { customerKeysOf, customerRefOf, identityHash, identityMatches, verifiedVisitorId } from './identity.js';

describe('identity verification', () => {
  it('is hex HMAC-SHA256 of the user id, as a site backend computes it', () => {
    const expected = createHmac('sha256', 'wsec_secret').update('cus_42').digest('hex');
    expect(identityHash('wsec_secret', 'cus_42')).toBe(expected);
    expect(identityMatches('wsec_secret', 'cus_42', expected)).toBe(true);
    expect(identityMatches('wsec_secret', 'cus_42', expected.toUpperCase())).toBe(true);
    expect(identityMatches('wsec_secret', 'cus_43', expected)).toBe(false);
    expect(identityMatches('wsec_other', 'cus_42', expected)).toBe(false);
    expect(identityMatches('wsec_secret', 'cus_42', expected.slice(2))).toBe(false);
  });

  it('gives a user one visitor id per site, which does not show the user id', () => {
    const id = verifiedVisitorId('wsite_1', 'mia@example.com');
    expect(id).toBe(verifiedVisitorId('wsite_1', 'mia@example.com'));
    expect(id).not.toBe(verifiedVisitorId('wsite_2', 'mia@example.com'));
    expect(id).not.toContain('mia');
  });

  it('knows a customer by e-mail when the user id is one, else by external id, with the live context’s keys', () => {
    expect(customerRefOf('Mia@Example.com')).toEqual({ email: 'mia@example.com' });
    expect(customerRefOf('cus_42')).toEqual({ externalId: 'cus_42' });
    expect(customerKeysOf({ email: ' Mia@Example.com ', externalId: 'cus_42' })).toEqual(['email:mia@example.com', 'ext:cus_42']);
    expect(customerKeysOf({})).toEqual([]);
  });
});
