/**
 * PII redaction before any text leaves for an LLM provider or a remote embedding API. One vault
 * per draft request swaps e-mails, phones, payment cards with their expiry and CVV, IBANs,
 * national ids, street addresses and person names for stable placeholders (`[EMAIL_1]`), the same
 * value getting the same placeholder in the ticket, the knowledge passages and the live facts, and
 * puts the real values back into the draft, also while it streams token by token.
 *
 * Every text is normalised first (`normaliseUntrusted`): full-width digits, zero-width characters
 * and the like cannot hide a value from the detectors, and what the model sees is the normalised
 * text. The value a placeholder restores to is its first normalised spelling.
 */
import { normaliseUntrusted } from './untrustedText.js';
import { KnownNames } from './pii/knownNames.js';
import { PARTICLES, TITLES } from './pii/nameLexicon.js';
import { PLACEHOLDER, scanNormalised, type PiiScan, type PiiScans } from './pii/piiScan.js';
import { foldText, PII_KINDS, SpanSet, type PiiKind, type Span } from './pii/piiSpan.js';

export { PII_KINDS, type PiiKind } from './pii/piiSpan.js';
export { PiiScans } from './pii/piiScan.js';

/** Longer counters are not worth holding a stream back for. */
const MAX_COUNTER_DIGITS = 6;
/** A draft's texts: subject, turns, passages, facts. */
const MAX_CACHED_TEXTS = 64;

/** A value found in a text, as `findSpans` reports it. */
export interface PiiSpan {
  start: number;
  end: number;
  kind: PiiKind;
}

/**
 * Placeholders for one draft request. Call `redactName` for the known people first, then
 * `learnNames` over every text the request will send (so a name signed at the end of one message
 * is hidden in all of them), then `redact` each text: the model sees one consistent set of
 * placeholders. The first spelling seen of a value is the one `restore` writes back.
 */
export class PiiVault {
  readonly #placeholderByKey = new Map<string, string>();
  readonly #valueByPlaceholder = new Map<string, string>();
  readonly #counters = new Map<PiiKind, number>();
  readonly #names = new KnownNames();
  /** Scans of the texts `learnNames` read, so `redact` does not scan them twice. */
  readonly #scanCache = new Map<string, PiiScan>();

  /** Number of distinct values behind placeholders. */
  get size(): number {
    return this.#valueByPlaceholder.size;
  }

  /**
   * Placeholder for a known person's name (e.g. the requester's display name). Texts redacted
   * afterwards have the full name and each of its words replaced too, in any case and with or
   * without accents.
   */
  redactName(name: string): string {
    const trimmed = normaliseUntrusted(name).trim().replace(/\s+/g, ' ');
    if (trimmed === '') return name;
    // Helpdesks show the address when a requester has no name; that is an email, not a name.
    if (!/\p{L}/u.test(trimmed) || /^\S+@\S+$/.test(trimmed)) return this.redact(trimmed);
    const folded = this.#learnName(trimmed);
    return this.#placeholderFor('NAME', folded, trimmed);
  }

  /**
   * Learns the names `text` introduces, signs with or greets, so every text redacted afterwards hides
   * them too. `scans` shares the scan of a text that recurs across requests (a knowledge passage).
   */
  learnNames(text: string, scans?: PiiScans): void {
    const scan = scans === undefined ? scanNormalised(normaliseUntrusted(text)) : scans.scan(text);
    if (scans === undefined && this.#scanCache.size < MAX_CACHED_TEXTS) this.#scanCache.set(scan.normalised, scan);
    this.#foundNames(scan, structuredSet(scan));
  }

  /**
   * `text`, normalised, with every detected value replaced by its placeholder; existing placeholders
   * are left alone. `scans` as for `learnNames`: this vault's names and placeholders still apply.
   */
  redact(text: string, scans?: PiiScans): string {
    const scan = scans === undefined ? this.#scanOf(normaliseUntrusted(text)) : scans.scan(text);
    const normalised = scan.normalised;
    const spans = this.#detect(scan);
    if (spans.length === 0) return normalised;
    let out = '';
    let at = 0;
    for (const span of spans) {
      out += normalised.slice(at, span.start) + this.#placeholderFor(span.kind, span.key, normalised.slice(span.start, span.end));
      at = span.end;
    }
    return out + normalised.slice(at);
  }

  /**
   * Where `text` (already normalised) holds PII, without replacing anything: for measuring the
   * redactor against a labelled corpus. Names found are learned, as `redact` would.
   */
  findSpans(text: string): PiiSpan[] {
    return this.#detect(this.#scanOf(text)).map(({ start, end, kind }) => ({ start, end, kind }));
  }

  /** `text` with every placeholder of this vault replaced by its value; unknown placeholders stay as written. */
  restore(text: string): string {
    return text.replace(PLACEHOLDER, (placeholder) => this.#valueByPlaceholder.get(placeholder) ?? placeholder);
  }

  /** The scan `learnNames` made of this normalised text, or a new one. */
  #scanOf(normalised: string): PiiScan {
    const cached = this.#scanCache.get(normalised);
    this.#scanCache.delete(normalised);
    return cached ?? scanNormalised(normalised);
  }

  #detect(scan: PiiScan): Span[] {
    const taken = structuredSet(scan);
    this.#foundNames(scan, taken);
    for (const span of this.#names.spans(scan.normalised)) taken.add(span);
    return taken.spans.filter((s) => s.key !== '');
  }

  /** Learns each name the finder sees where no other value (an address, an e-mail) already stands. */
  #foundNames(scan: PiiScan, taken: SpanSet): void {
    for (const name of scan.names) {
      if (!taken.overlaps(name.start, name.end)) this.#learnName(scan.normalised.slice(name.start, name.end));
    }
  }

  /** Learns a name and its words; returns its folded form. */
  #learnName(name: string): string {
    const folded = foldText(name);
    // A one-word name is as ambiguous as a word of a longer one ("Will", "Rose").
    this.#names.learn(folded, !folded.includes(' '));
    for (const word of folded.split(/[\s,]+/)) {
      if (word.replace(/[^\p{L}]/gu, '').length >= 2 && !PARTICLES.has(word) && !TITLES.has(word) && word !== folded)
        this.#names.learn(word, true);
    }
    return folded;
  }

  #placeholderFor(kind: PiiKind, key: string, original: string): string {
    const mapKey = `${kind}:${key}`;
    const existing = this.#placeholderByKey.get(mapKey);
    if (existing !== undefined) return existing;
    const n = (this.#counters.get(kind) ?? 0) + 1;
    this.#counters.set(kind, n);
    const placeholder = `[${kind}_${n}]`;
    this.#placeholderByKey.set(mapKey, placeholder);
    this.#valueByPlaceholder.set(placeholder, original);
    return placeholder;
  }
}

/** A scan's structured values as a set the vault may add its names to (the scan itself stays as it was). */
function structuredSet(scan: PiiScan): SpanSet {
  const taken = new SpanSet();
  for (const span of scan.structured) taken.add(span);
  return taken;
}

export interface StreamingRestorer {
  /** Restored text that is safe to show now; a possible partial placeholder at the end is held back. */
  push(chunk: string): string;
  /** Whatever is still held back, restored where possible; call once when the stream ends. */
  flush(): string;
}

/** Restores placeholders in a token stream, where one placeholder can arrive split over several chunks. */
export function createStreamingRestorer(vault: PiiVault): StreamingRestorer {
  let pending = '';
  return {
    push(chunk) {
      pending += chunk;
      const hold = partialPlaceholderStart(pending);
      const ready = pending.slice(0, hold);
      pending = pending.slice(hold);
      return vault.restore(ready);
    },
    flush() {
      const rest = vault.restore(pending);
      pending = '';
      return rest;
    },
  };
}

/** Index where a possibly unfinished placeholder starts at the end of `text`, or its length. */
function partialPlaceholderStart(text: string): number {
  // Only the last '[' can open an unfinished placeholder: any earlier one is followed by a '['.
  const open = text.lastIndexOf('[');
  if (open < 0) return text.length;
  const body = text.slice(open + 1);
  const couldContinue = PII_KINDS.some((kind) => {
    const prefix = `${kind}_`;
    if (prefix.startsWith(body)) return true;
    return body.startsWith(prefix) && body.length - prefix.length <= MAX_COUNTER_DIGITS && /^\d*$/.test(body.slice(prefix.length));
  });
  return couldContinue ? open : text.length;
}
