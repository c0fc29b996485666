import { describe, expect, it } from 'vitest';
import { rovingTarget } from './rovingFocus';

describe('rovingTarget', () => {
  it('moves with the orientation’s arrows, wrapping at both ends', () => {
    expect(rovingTarget('ArrowRight', 0, 3, 'horizontal')).toBe(1);
    expect(rovingTarget('ArrowRight', 2, 3, 'horizontal')).toBe(0);
    expect(rovingTarget('ArrowLeft', 0, 3, 'horizontal')).toBe(2);
    expect(rovingTarget('ArrowDown', 1, 3, 'vertical')).toBe(2);
    expect(rovingTarget('ArrowUp', 0, 3, 'vertical')).toBe(2);
  });
  it('jumps with Home and End, and ignores other keys and the other orientation’s arrows', () => {
    expect(rovingTarget('Home', 2, 3, 'vertical')).toBe(0);
    expect(rovingTarget('End', 0, 3, 'horizontal')).toBe(2);
    expect(rovingTarget('ArrowDown', 0, 3, 'horizontal')).toBeUndefined();
    expect(rovingTarget('a', 0, 3, 'vertical')).toBeUndefined();
    expect(rovingTarget('End', 0, 0, 'vertical')).toBeUndefined();
  });
});
