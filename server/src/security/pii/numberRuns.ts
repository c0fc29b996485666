/**
 * Runs of digit groups joined by single separators (`4111 1111 1111 1111`, `+44 (0)20 7946 0958`,
 * `612.345.678`), read once and shared by the card and phone detectors, with helpers to try
 * windows of consecutive groups.
 */

/**
 * An optional leading `+` and bracketed area codes, then digit groups. Two digit groups always
 * have a separator between them, so a run splits into groups one way only and the pattern never
 * backtracks over digits.
 */
const NUMBER_RUN =
  /(?<![\p{L}\p{N}_])(?:\+[ \u00a0]?)?(?:\(\d{1,5}\)[ \u00a0.\-/]?)?\d+(?:[ \u00a0.\-/]\d+|[ \u00a0]?\(\d{1,5}\)[ \u00a0.\-/]?\d+)*/gu;

export interface DigitGroup {
  digits: string;
  start: number;
  end: number;
}

export interface NumberRun {
  start: number;
  end: number;
  plus: boolean;
  groups: DigitGroup[];
}

export function numberRuns(text: string): NumberRun[] {
  const runs: NumberRun[] = [];
  for (const match of text.matchAll(NUMBER_RUN)) {
    const end = match.index + match[0].length;
    // A run glued to letters is a code ("1Z999AA1…", "5512abc"), not a number.
    if (/[\p{L}_]/u.test(text[end] ?? '')) continue;
    const groups = [...match[0].matchAll(/\d+/g)].map((g) => ({
      digits: g[0],
      start: match.index + g.index,
      end: match.index + g.index + g[0].length,
    }));
    runs.push({ start: match.index, end, plus: match[0].startsWith('+'), groups });
  }
  return runs;
}

/**
 * Every window of consecutive groups with at most `maxDigits` digits, leftmost then longest first;
 * an accepted window is not reused. The cap keeps a run of thousands of numbers linear.
 */
export function acceptWindows(run: NumberRun, maxDigits: number, accept: (from: number, to: number) => boolean): [number, number][] {
  const accepted: [number, number][] = [];
  let from = 0;
  while (from < run.groups.length) {
    let to = lastWithin(run, from, maxDigits);
    while (to >= from && !accept(from, to)) to--;
    if (to >= from) {
      accepted.push([from, to]);
      from = to + 1;
    } else from++;
  }
  return accepted;
}

/** Index of the last group such that groups `from`…it hold at most `maxDigits` digits (`from - 1` if none). */
export function lastWithin(run: NumberRun, from: number, maxDigits: number): number {
  let digits = 0;
  let to = from - 1;
  while (to + 1 < run.groups.length && digits + groupAt(run, to + 1).digits.length <= maxDigits) digits += groupAt(run, ++to).digits.length;
  return to;
}

export function groupAt(run: NumberRun, index: number): DigitGroup {
  const group = run.groups[index];
  if (group === undefined) throw new RangeError(`no digit group ${index}`);
  return group;
}

export function separatorsOf(text: string, run: NumberRun, from: number, to: number): string[] {
  const seps: string[] = [];
  for (let g = from + 1; g <= to; g++) seps.push(text.slice(groupAt(run, g - 1).end, groupAt(run, g).start));
  return seps;
}

export function digitCount(run: NumberRun): number {
  return run.groups.reduce((sum, g) => sum + g.digits.length, 0);
}
