import { describe, expect, it } from 'vitest';
import { originAllowed, requestOrigin } from './requestOrigin.js';

describe('request origin', () => {
  it('reads the Origin header, else the Referer’s origin', () => {
    expect(requestOrigin({ origin: 'https://shop.example' })).toBe('https://shop.example');
    expect(requestOrigin({ origin: 'https://Shop.Example:8443' })).toBe('https://shop.example:8443');
    expect(requestOrigin({ referer: 'https://shop.example/cart?x=1#top' })).toBe('https://shop.example');
    expect(requestOrigin({ origin: 'https://a.example', referer: 'https://b.example/' })).toBe('https://a.example');
  });

  it('is no origin for none, the opaque one, other schemes or junk', () => {
    expect(requestOrigin({})).toBeUndefined();
    expect(requestOrigin({ origin: 'null', referer: 'https://shop.example/' })).toBeUndefined();
    expect(requestOrigin({ origin: 'file:///etc/passwd' })).toBeUndefined();
    expect(requestOrigin({ referer: 'javascript:alert(1)' })).toBeUndefined();
    expect(requestOrigin({ origin: 'not a url' })).toBeUndefined();
    expect(requestOrigin({ origin: ['https://shop.example'] })).toBeUndefined();
  });

  it('allows only an exact origin on the list', () => {
    const list = ['https://shop.example'];
    expect(originAllowed('https://shop.example', list)).toBe(true);
    expect(originAllowed('https://shop.example.evil.example', list)).toBe(false);
    expect(originAllowed('http://shop.example', list)).toBe(false);
    expect(originAllowed('https://shop.example:444', list)).toBe(false);
    expect(originAllowed(undefined, list)).toBe(false);
  });
});
