/**
 * Uptime reads as the two largest units.
 */
import { describe, expect, it } from 'vitest';
import { formatUptime } from './format';

describe('formatUptime', () => {
  it.each([
    [0, '0s'],
    [59.6, '59s'],
    [61, '1m 1s'],
    [3725, '1h 2m'],
    [90_061, '1d 1h'],
    [-5, '0s'],
  ])('%s seconds → %s', (seconds, expected) => {
    expect(formatUptime(seconds)).toBe(expected);
  });
});
