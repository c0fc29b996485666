/**
 * Server addresses: what the console accepts, how it writes them, and what it prefills.
 */
import { describe, expect, it } from 'vitest';
import { defaultServerUrl, normalizeServerUrl } from './client';

describe('normalizeServerUrl', () => {
  it.each([
    ['http://127.0.0.1:8787', 'http://127.0.0.1:8787'],
    ['  http://127.0.0.1:8787/  ', 'http://127.0.0.1:8787'],
    ['https://support.example.com/tandem/', 'https://support.example.com/tandem'],
    ['https://support.example.com/?x=1#frag', 'https://support.example.com'],
    ['HTTPS://Support.Example.com', 'https://support.example.com'],
  ])('accepts %s', (input, expected) => {
    expect(normalizeServerUrl(input)).toBe(expected);
  });

  it.each(['', '127.0.0.1:8787', 'ftp://example.com', 'javascript:alert(1)', 'file:///etc', 'http://user:pass@example.com'])(
    'refuses %s',
    (input) => {
      expect(normalizeServerUrl(input)).toBeNull();
    },
  );
});

describe('defaultServerUrl', () => {
  it('is the page origin when the console is served over http(s)', () => {
    expect(defaultServerUrl({ protocol: 'http:', origin: 'http://127.0.0.1:8787' })).toBe('http://127.0.0.1:8787');
    expect(defaultServerUrl({ protocol: 'https:', origin: 'https://tandem.example.com' })).toBe('https://tandem.example.com');
  });

  it('is empty inside the desktop app', () => {
    expect(defaultServerUrl({ protocol: 'tandem:', origin: 'tandem://app' })).toBe('');
    expect(defaultServerUrl({ protocol: 'file:', origin: 'null' })).toBe('');
  });
});
