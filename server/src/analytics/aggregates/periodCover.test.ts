import { describe, expect, it } from 'vitest';
import { periodCover } from './periodCover.js';

const iso = (ms: number) => new Date(ms).toISOString();
const show = (from: string, to: string) => periodCover(from, to).map((r) => `${r.bucket} ${iso(r.from)} ${iso(r.to)}`);

describe('periodCover', () => {
  it('covers whole days with days, then hours, then minutes at the edges, without gaps or overlaps', () => {
    expect(show('2026-03-01T22:58:30.000Z', '2026-03-04T01:02:00.000Z')).toEqual([
      'minute 2026-03-01T22:58:00.000Z 2026-03-01T23:00:00.000Z',
      'hour 2026-03-01T23:00:00.000Z 2026-03-02T00:00:00.000Z',
      'day 2026-03-02T00:00:00.000Z 2026-03-04T00:00:00.000Z',
      'hour 2026-03-04T00:00:00.000Z 2026-03-04T01:00:00.000Z',
      'minute 2026-03-04T01:00:00.000Z 2026-03-04T01:02:00.000Z',
    ]);
  });

  it('uses hours or minutes alone for short periods, and rounds to whole minutes outward', () => {
    expect(show('2026-03-01T10:00:00.000Z', '2026-03-01T12:00:00.000Z')).toEqual([
      'hour 2026-03-01T10:00:00.000Z 2026-03-01T12:00:00.000Z',
    ]);
    expect(show('2026-03-01T10:05:10.000Z', '2026-03-01T10:07:01.000Z')).toEqual([
      'minute 2026-03-01T10:05:00.000Z 2026-03-01T10:08:00.000Z',
    ]);
  });
});
