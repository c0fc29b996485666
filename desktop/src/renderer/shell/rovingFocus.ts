/**
 * Arrow-key movement in a row or column of items with one tab stop (the ARIA roving-focus
 * pattern): the next and previous keys wrap around, Home and End jump to the ends.
 */
const KEYS = {
  horizontal: { next: 'ArrowRight', previous: 'ArrowLeft' },
  vertical: { next: 'ArrowDown', previous: 'ArrowUp' },
} as const;

/** The index a key moves focus to from `index` among `count` items, or undefined for other keys. */
export function rovingTarget(key: string, index: number, count: number, orientation: keyof typeof KEYS): number | undefined {
  const last = count - 1;
  if (count === 0) return undefined;
  if (key === KEYS[orientation].next) return index === last ? 0 : index + 1;
  if (key === KEYS[orientation].previous) return index === 0 ? last : index - 1;
  if (key === 'Home') return 0;
  if (key === 'End') return last;
  return undefined;
}
