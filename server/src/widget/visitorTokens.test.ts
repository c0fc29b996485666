import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signVisitorToken, verifyVisitorToken } from './visitorTokens.js';

const key = randomBytes(32);
const claims = { siteId: 'wsite_1', visitorId: 'vis_1', userId: 'cus_42', name: 'Mia', expiresAt: 2_000 };

describe('visitor tokens', () => {
  it('round-trips the claims until they expire', () => {
    const token = signVisitorToken(key, claims);
    expect(token).toMatch(/^vt1\.[\w-]+\.[\w-]+$/);
    expect(verifyVisitorToken(key, token, 1_999)).toEqual(claims);
    expect(verifyVisitorToken(key, token, 2_000)).toBeUndefined();
    const anonymous = signVisitorToken(key, { siteId: 's', visitorId: 'v', expiresAt: 10 });
    expect(verifyVisitorToken(key, anonymous, 0)).toEqual({
      siteId: 's',
      visitorId: 'v',
      userId: undefined,
      name: undefined,
      expiresAt: 10,
    });
  });

  it('refuses another key, changed claims, a changed signature and anything that is not a token', () => {
    const token = signVisitorToken(key, claims);
    const [prefix, payload, signature] = token.split('.') as [string, string, string];
    expect(verifyVisitorToken(randomBytes(32), token, 0)).toBeUndefined();
    const otherVisitor = Buffer.from(JSON.stringify({ s: 'wsite_1', v: 'vis_2', e: 2_000 })).toString('base64url');
    expect(verifyVisitorToken(key, `${prefix}.${otherVisitor}.${signature}`, 0)).toBeUndefined();
    expect(verifyVisitorToken(key, `${prefix}.${payload}.${signature.slice(0, -2)}AA`, 0)).toBeUndefined();
    for (const junk of ['', 'vt1', 'vt1..', `${token}.x`, `vt2.${payload}.${signature}`, 'Bearer x'])
      expect(verifyVisitorToken(key, junk, 0)).toBeUndefined();
  });

  it('refuses a well-signed payload that is not valid claims', () => {
    const forged = signVisitorToken(key, { ...claims, visitorId: '' });
    expect(verifyVisitorToken(key, forged, 0)).toBeUndefined();
  });
});
