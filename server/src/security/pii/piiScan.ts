/**
 * What redaction finds in a text before it knows anyone: the normalised text, its structured
 * values (e-mails, cards, phones, …, and placeholders already in it) and the spans the name finder
 * reads as names. A pure function of the text, so a text that comes back again and again (the same
 * knowledge passage in every draft that retrieves it) can be scanned once: `PiiScans` keeps recent
 * scans, bounded, for the callers that choose to share them. Every vault still applies its own
 * names and placeholders to the scan, so the redaction itself runs on every text, every time.
 */
import { normaliseUntrusted } from '../untrustedText.js';
import { detectAddresses } from './addressDetector.js';
import { detectCardData } from './cardDetector.js';
import { detectEmails } from './emailDetector.js';
import { detectIbans } from './ibanDetector.js';
import { findNames, type FoundName } from './nameFinder.js';
import { detectNationalIds } from './nationalIdDetector.js';
import { detectPhones } from './phoneDetector.js';
import { PII_KINDS, SpanSet, type Detector, type Span } from './piiSpan.js';

export const PLACEHOLDER = new RegExp(`\\[(?:${PII_KINDS.join('|')})_\\d+\\]`, 'g');

/** Detectors in priority order: where two overlap, the earlier kind wins (an IBAN's digits are not also a phone number). */
const DETECTORS: readonly Detector[] = [detectEmails, detectIbans, detectCardData, detectNationalIds, detectPhones, detectAddresses];

export interface PiiScan {
  /** The text as `normaliseUntrusted` returns it: what every span indexes and what the model sees. */
  readonly normalised: string;
  /** Non-overlapping structured values, sorted by start; placeholders already present have key ''. */
  readonly structured: readonly Span[];
  /** Where the name finder sees a name, before checking it against the structured values. */
  readonly names: readonly FoundName[];
}

/** Scans a text that is already normalised. */
export function scanNormalised(normalised: string): PiiScan {
  const taken = new SpanSet();
  // Placeholders already in the text (a text redacted twice) block every detector, names included.
  for (const m of normalised.matchAll(PLACEHOLDER)) taken.add({ start: m.index, end: m.index + m[0].length, kind: 'NAME', key: '' });
  for (const detect of DETECTORS) {
    const found = detect(normalised).sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
    for (const span of found) taken.add(span);
  }
  return { normalised, structured: [...taken.spans], names: findNames(normalised) };
}

export function scanText(text: string): PiiScan {
  return scanNormalised(normaliseUntrusted(text));
}

/**
 * Recent scans by text, least recently used dropped first, bounded by count and by characters.
 * Only for texts that are not a customer's (knowledge passages): a process-wide store of them
 * holds nothing the knowledge index does not hold already.
 */
export class PiiScans {
  readonly #byText = new Map<string, PiiScan>();
  #chars = 0;
  hits = 0;
  misses = 0;

  constructor(
    private readonly maxTexts = 4_000,
    private readonly maxChars = 8_000_000,
  ) {}

  get size(): number {
    return this.#byText.size;
  }

  scan(text: string): PiiScan {
    const found = this.#byText.get(text);
    if (found !== undefined) {
      this.#byText.delete(text);
      this.#byText.set(text, found);
      this.hits += 1;
      return found;
    }
    this.misses += 1;
    const scanned = scanText(text);
    if (text.length > this.maxChars) return scanned;
    this.#byText.set(text, scanned);
    this.#chars += text.length;
    for (const [oldest] of this.#byText) {
      if (this.#byText.size <= this.maxTexts && this.#chars <= this.maxChars) break;
      this.#byText.delete(oldest);
      this.#chars -= oldest.length;
    }
    return scanned;
  }
}
