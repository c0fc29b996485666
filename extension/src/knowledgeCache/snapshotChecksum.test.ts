/**
 * The stored snapshot's checksum: the same for the same bytes however they are cut into parts,
 * and different when any bit differs or bytes are missing.
 */
import { describe, expect, it } from 'vitest';
import { snapshotChecksum } from './snapshotChecksum';

const bytes = Uint8Array.from({ length: 4096 + 8 }, (_, i) => (i * 31 + (i >> 7)) & 255);

describe('snapshotChecksum', () => {
  it('is the same whether the bytes come whole or in parts', () => {
    const whole = snapshotChecksum([bytes]);
    expect(snapshotChecksum([bytes.slice(0, 1024), bytes.slice(1024, 2048), bytes.slice(2048)])).toBe(whole);
    expect(snapshotChecksum([bytes.subarray(0, 4096), bytes.subarray(4096)])).toBe(whole);
  });

  it('changes with any flipped bit, a swapped word or missing bytes', () => {
    const whole = snapshotChecksum([bytes]);
    for (const at of [0, 3, 1500, 4099, bytes.length - 1]) {
      const flipped = bytes.slice();
      flipped[at] = (flipped[at] as number) ^ 1;
      expect(snapshotChecksum([flipped])).not.toBe(whole);
    }
    const swapped = bytes.slice();
    swapped.copyWithin(0, 4, 8);
    swapped.set(bytes.subarray(0, 4), 4);
    expect(snapshotChecksum([swapped])).not.toBe(whole);
    expect(snapshotChecksum([bytes.slice(0, bytes.length - 4)])).not.toBe(whole);
  });

  it('refuses parts cut inside a 16-byte block', () => {
    expect(() => snapshotChecksum([bytes.slice(0, 20), bytes.slice(20)])).toThrow(RangeError);
  });
});
