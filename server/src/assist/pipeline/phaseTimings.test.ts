import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { PhaseTimings } from './phaseTimings.js';

describe('PhaseTimings', () => {
  it('marks a phase when its work settles, also when it fails', async () => {
    const timings = new PhaseTimings();
    await timings.timed('liveMs', sleep(20));
    await expect(timings.timed('retrievalMs', Promise.reject(new Error('down')))).rejects.toThrow('down');
    const summary = timings.summary();
    expect(summary['liveMs']).toBeGreaterThanOrEqual(15);
    expect(summary['retrievalMs']).toBeGreaterThanOrEqual(summary['liveMs'] ?? Infinity);
    expect(Object.keys(summary)).toEqual(['liveMs', 'retrievalMs', 'totalMs']);
  });

  it('keeps the first mark of a once-only phase', async () => {
    const timings = new PhaseTimings();
    timings.markOnce('firstTokenMs');
    const first = timings.summary()['firstTokenMs'];
    await sleep(20);
    timings.markOnce('firstTokenMs');
    expect(timings.summary()['firstTokenMs']).toBe(first);
    expect(timings.summary()['totalMs']).toBeGreaterThanOrEqual(15);
  });
});
