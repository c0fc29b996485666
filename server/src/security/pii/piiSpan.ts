/**
 * What every PII detector returns: a span of the (normalised) text, its kind, and a key that two
 * spellings of one value share, so they get one placeholder. Plus the text helpers detectors share.
 */
import { fold } from '@tandem/shared/search';

export const PII_KINDS = ['EMAIL', 'PHONE', 'CARD', 'CVV', 'EXPIRY', 'IBAN', 'NATIONAL_ID', 'ADDRESS', 'NAME'] as const;
export type PiiKind = (typeof PII_KINDS)[number];

export interface Span {
  start: number;
  end: number;
  kind: PiiKind;
  /** Normalised value: two spellings of one value share a placeholder. */
  key: string;
}

export type Detector = (text: string) => Span[];

/**
 * Spans that do not overlap, kept sorted by start: `add` refuses a span that overlaps one already
 * taken. Binary search keeps a text with thousands of values from costing quadratic time.
 */
export class SpanSet {
  readonly #spans: Span[] = [];

  get spans(): readonly Span[] {
    return this.#spans;
  }

  /** Adds `span` unless it overlaps one already taken; true when added. */
  add(span: Span): boolean {
    if (span.end <= span.start) return false;
    const at = this.#firstEndingAfter(span.start);
    const next = this.#spans[at];
    if (next !== undefined && next.start < span.end) return false;
    this.#spans.splice(at, 0, span);
    return true;
  }

  overlaps(start: number, end: number): boolean {
    const next = this.#spans[this.#firstEndingAfter(start)];
    return next !== undefined && next.start < end;
  }

  /** Index of the first span whose end is after `position`. */
  #firstEndingAfter(position: number): number {
    let lo = 0;
    let hi = this.#spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.#spans[mid] as Span).end <= position) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Lower-cased, accents dropped, ß spelled out: how names and addresses are compared. */
export function foldText(text: string): string {
  return fold(text).replace(/ß/g, 'ss');
}
