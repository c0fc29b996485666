import { describe, expect, it } from 'vitest';
import { normaliseUntrustedStrings } from './untrustedJson.js';

describe('normaliseUntrustedStrings', () => {
  it('normalises every string and key, however deep, and keeps other values', () => {
    const event = {
      id: 'ev\u200b-1',
      occurredAt: '2026-01-01T00:00:00Z',
      customer: { email: 'ana\u00ad@example.com' },
      data: { reason: 'card ４１１１ declined\u202e', items: [{ name: 'Tent\u0000', quantity: 2 }], ok: true, none: null, 'k\u200bey': 1 },
    };
    expect(normaliseUntrustedStrings(event)).toEqual({
      id: 'ev-1',
      occurredAt: '2026-01-01T00:00:00Z',
      customer: { email: 'ana@example.com' },
      data: { reason: 'card 4111 declined', items: [{ name: 'Tent', quantity: 2 }], ok: true, none: null, key: 1 },
    });
  });

  it('returns plain values unchanged', () => {
    expect(normaliseUntrustedStrings(42)).toBe(42);
    expect(normaliseUntrustedStrings('plain text')).toBe('plain text');
    expect(normaliseUntrustedStrings(null)).toBeNull();
  });
});
