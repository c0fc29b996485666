/**
 * Citations in a streamed draft: `[n]` must name one of the sources sent with the draft. The
 * filter sees the reply token by token (a marker can arrive split as `[` `1` `]`), passes valid
 * markers through, drops invalid ones so the agent never sees a citation that points nowhere,
 * and records which sources the final text cites.
 */

/** Longest citation marker held back while it might still close (`[12]`, `[1, 3]`). */
const MAX_MARKER = 12;
const MARKER = /^\[(\d+(?:\s*,\s*\d+)*)\]$/;
const MAYBE_MARKER = /^\[[\d,\s]*$/;

export class CitationFilter {
  private pending = '';
  private readonly used = new Set<number>();

  constructor(private readonly sourceCount: number) {}

  /** Source numbers cited so far, ascending. */
  get citations(): number[] {
    return [...this.used].sort((a, b) => a - b);
  }

  /** Feeds a chunk of reply text; returns the text safe to show now. */
  push(chunk: string): string {
    let out = '';
    for (const char of chunk) {
      if (this.pending.length > 0) {
        this.pending += char;
        if (char === ']') out += this.resolve();
        else if (!MAYBE_MARKER.test(this.pending) || this.pending.length > MAX_MARKER) {
          out += this.pending;
          this.pending = '';
        }
      } else if (char === '[') this.pending = '[';
      else out += char;
    }
    return out;
  }

  /** The held-back remainder at the end of the stream. */
  flush(): string {
    const rest = this.pending;
    this.pending = '';
    return rest;
  }

  private resolve(): string {
    const marker = this.pending;
    this.pending = '';
    const match = MARKER.exec(marker);
    if (match === null) return marker;
    const valid = (match[1] as string)
      .split(',')
      .map((n) => Number(n.trim()))
      .filter((n) => Number.isInteger(n) && n >= 1 && n <= this.sourceCount);
    for (const n of valid) this.used.add(n);
    return valid.length === 0 ? '' : `[${[...new Set(valid)].join(', ')}]`;
  }
}
