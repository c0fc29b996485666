import { describe, expect, it } from 'vitest';
import { bearerToken, generateApiToken, hashApiToken } from './apiTokens.js';

describe('API tokens', () => {
  it('are long, random and prefixed', () => {
    const a = generateApiToken();
    const b = generateApiToken();
    expect(a).toMatch(/^tdm_[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
  });

  it('hash deterministically and never to themselves', () => {
    const token = generateApiToken();
    expect(hashApiToken(token)).toBe(hashApiToken(token));
    expect(hashApiToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashApiToken(token)).not.toContain(token);
  });

  it('are read only from a well-formed Bearer header', () => {
    const token = generateApiToken();
    expect(bearerToken(`Bearer ${token}`)).toBe(token);
    expect(bearerToken(`bearer   ${token}`)).toBe(token);
    expect(bearerToken(token)).toBeUndefined();
    expect(bearerToken('Basic dXNlcjpwYXNz')).toBeUndefined();
    expect(bearerToken('Bearer short')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });
});
