// Credentials are never echoed: provider keys, Tandem tokens, bearer tokens, JWTs, PEM keys.
import { describe, expect, it } from 'vitest';
import { SECRET_NOTE, SecretFilter, mayBeSecretStart } from './secretPatterns.js';

const filter = (text: string) => new SecretFilter().filter(text);

describe('SecretFilter', () => {
  it.each([
    ['an OpenAI key', 'sk-proj-AbCdEfGhIjKlMnOpQrStUvWx0123'],
    ['a legacy OpenAI key', 'sk-AbCdEfGhIjKlMnOpQrStUvWx01234567'],
    ['a Stripe key', 'sk_live_51HxAbCdEfGhIjKlMnOp'],
    ['a Tandem token', 'tdm_Zx9yW8vU7tS6rQ5pO4nM3lK2jI1hG0fE9dC8bA7zY6x'],
    ['a bearer token', 'Bearer abcdefghijklmnop.qrstuvwx'],
    ['an AWS key id', 'AKIAIOSFODNN7EXAMPLE'],
    ['a GitHub token', 'ghp_abcdefghijklmnopqrstuvwxyz0123456789'],
    ['a Slack token', 'xoxb-1234567890-abcdefghij'],
    ['a JWT', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U'],
  ])('replaces %s', (_name, secret) => {
    const out = filter(`Your key is ${secret}, keep it safe.`);
    expect(out).toBe(`Your key is ${SECRET_NOTE}, keep it safe.`);
  });

  it('leaves ordinary words, SKUs and order ids alone', () => {
    const text = 'Task-list for sk-8 skates (SKU sk-2231), order tdm-1042, and a bearer of good news.';
    expect(filter(text)).toBe(text);
  });

  it('drops a PEM private key from its BEGIN line to its END line, over several segments', () => {
    const f = new SecretFilter();
    expect(f.filter('Here: -----BEGIN RSA PRIVATE KEY-----\n')).toBe(`Here: ${SECRET_NOTE}`);
    expect(f.filter('MIIEowIBAAKCAQEA0Z3VS5JJcds3xfn/ygWyF8PbnGy0AHB7MhgHcTz6sE2I2yPB\n')).toBe('');
    expect(f.filter('-----END RSA PRIVATE KEY-----\nAnything else?')).toBe('\nAnything else?');
    expect(f.removed).toBe(1);
  });

  it('tells which cut runs may be the start of a credential', () => {
    expect(mayBeSecretStart('sk-proj-abc')).toBe(true);
    expect(mayBeSecretStart('QUJDREVGR0hJSktMTU5PUFFSU1RVVldY')).toBe(true);
    expect(mayBeSecretStart('Donaudampfschifffahrt')).toBe(false);
  });
});
