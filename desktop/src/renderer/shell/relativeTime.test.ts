// The console's freshness wording: relative times and when a source counts as stale.
import { describe, expect, it } from 'vitest';
import { formatAgo, freshness, STALE_AFTER_MS } from './relativeTime';

const now = Date.UTC(2026, 5, 1, 12);
const ago = (ms: number) => new Date(now - ms).toISOString();

describe('formatAgo', () => {
  it('words recent times by their largest unit', () => {
    expect(formatAgo(ago(10_000), now)).toBe('just now');
    expect(formatAgo(ago(5 * 60_000), now)).toBe('5 min ago');
    expect(formatAgo(ago(3 * 3600_000), now)).toBe('3 h ago');
    expect(formatAgo(ago(2 * 86_400_000), now)).toBe('2 days ago');
  });
  it('returns what it cannot read as it is', () => {
    expect(formatAgo('not a date', now)).toBe('not a date');
  });
});

describe('freshness', () => {
  it('is never without a sync, stale after a week, fresh before', () => {
    expect(freshness(null, now)).toBe('never');
    expect(freshness(ago(STALE_AFTER_MS + 1000), now)).toBe('stale');
    expect(freshness(ago(60_000), now)).toBe('fresh');
  });
});
