/**
 * Cuts a streamed draft into sentences for the output guard, so every check sees whole sentences
 * while the agent waits for at most one: a segment ends after sentence punctuation followed by
 * white space, after a CJK full stop, or at a line break. A sentence that runs on is cut at the
 * last white space within `MAX_HOLD_CHARS`, and a run of non-space characters longer than that
 * (a giant word, a long URL, base64) is cut inside the run, which the segment says (`midRun`) so
 * the guard can treat the pieces as one. Each character is scanned once: linear in the stream.
 */

/** The most the guard holds back from the agent while a sentence is unfinished. */
export const MAX_HOLD_CHARS = 320;

export interface Segment {
  text: string;
  /** Cut at the length bound inside a run of non-space characters that goes on in the next segment. */
  midRun: boolean;
}

const SENTENCE_END = new Set(['.', '!', '?', '…', ';']);
/** Full stops that need no space after them (Chinese, Japanese). */
const CJK_END = new Set(['。', '！', '？', '；']);
const SPACE = /\s/;

export class SentenceBuffer {
  /** Text received; `#start` is where the held part begins (the buffer is compacted as it is consumed). */
  #buffer = '';
  #start = 0;
  /** Where the boundary search resumes (the last character is looked at again: its lookahead may arrive later). */
  #scanned = 0;

  constructor(private readonly maxHold = MAX_HOLD_CHARS) {}

  /** Feeds a chunk; returns the segments complete so far, in order. */
  push(chunk: string): Segment[] {
    this.#buffer = this.#buffer.slice(this.#start) + chunk;
    this.#scanned -= this.#start;
    this.#start = 0;
    const out: Segment[] = [];
    for (;;) {
      const end = this.#boundary();
      if (end !== undefined) out.push(this.#take(end, false));
      else if (this.#buffer.length - this.#start > this.maxHold) out.push(this.#forcedCut());
      else return out;
    }
  }

  /** The rest at the end of the stream (empty when nothing is held). */
  flush(): Segment[] {
    const rest = this.#buffer.slice(this.#start);
    this.#buffer = '';
    this.#start = 0;
    this.#scanned = 0;
    return rest === '' ? [] : [{ text: rest, midRun: false }];
  }

  /** Index just past the first boundary at or after the scan position, or undefined. */
  #boundary(): number | undefined {
    const text = this.#buffer;
    for (let i = Math.max(this.#scanned, this.#start); i < text.length; i++) {
      const c = text[i] as string;
      if (c === '\n' || CJK_END.has(c)) return this.#afterSpaces(i + 1);
      if (SENTENCE_END.has(c)) {
        const next = text[i + 1];
        if (next === undefined) {
          this.#scanned = i;
          return undefined;
        }
        if (SPACE.test(next)) return this.#afterSpaces(i + 1);
      }
    }
    this.#scanned = text.length;
    return undefined;
  }

  /** Trailing white space stays with the sentence it follows, so the next one starts at its first word. */
  #afterSpaces(from: number): number {
    let end = from;
    const limit = this.#start + this.maxHold;
    while (end < this.#buffer.length && end < limit && SPACE.test(this.#buffer[end] as string)) end++;
    return end;
  }

  #forcedCut(): Segment {
    const window = this.#buffer.slice(this.#start, this.#start + this.maxHold);
    const space = Math.max(window.lastIndexOf(' '), window.lastIndexOf('\t'));
    if (space > 0) return this.#take(this.#start + space + 1, false);
    // No space in the window: the run goes on past the bound and is cut inside it, never between the halves of a surrogate pair.
    let end = this.#start + this.maxHold;
    if (/[\uD800-\uDBFF]/.test(this.#buffer[end - 1] ?? '')) end -= 1;
    return this.#take(end, true);
  }

  #take(end: number, midRun: boolean): Segment {
    const text = this.#buffer.slice(this.#start, end);
    this.#start = end;
    // What lies between the cut and the scan position holds no boundary: a forced cut must not rescan it (quadratic in a large chunk).
    this.#scanned = Math.max(this.#scanned, end);
    return { text, midRun };
  }
}
