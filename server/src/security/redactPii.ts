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
import { detectAddresses } from './pii/addressDetector.js';
import { detectCardData } from './pii/cardDetector.js';
import { detectEmails } from './pii/emailDetector.js';
import { detectIbans } from './pii/ibanDetector.js';
import { KnownNames } from './pii/knownNames.js';
import { findNames } from './pii/nameFinder.js';
import { PARTICLES, TITLES } from './pii/nameLexicon.js';
import { detectNationalIds } from './pii/nationalIdDetector.js';
import { detectPhones } from './pii/phoneDetector.js';
import { foldText, PII_KINDS, SpanSet, type Detector, type PiiKind, type Span } from './pii/piiSpan.js';

export { PII_KINDS, type PiiKind } from './pii/piiSpan.js';

const PLACEHOLDER = new RegExp(`\\[(?:${PII_KINDS.join('|')})_\\d+\\]`, 'g');
/** Longer counters are not worth holding a stream back for. */
const MAX_COUNTER_DIGITS = 6;
/** A draft's texts: subject, turns, passages, facts. */
const MAX_CACHED_TEXTS = 64;

/** Detectors in priority order: where two overlap, the earlier kind wins (an IBAN's digits are not also a phone number). */
const DETECTORS: readonly Detector[] = [detectEmails, detectIbans, detectCardData, detectNationalIds, detectPhones, detectAddresses];

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
  /** Structured spans of the texts `learnNames` read, so `redact` does not detect them twice. */
  readonly #structuredCache = new Map<string, SpanSet>();

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

  /** Learns the names `text` introduces, signs with or greets, so every text redacted afterwards hides them too. */
  learnNames(text: string): void {
    const normalised = normaliseUntrusted(text);
    const structured = this.#structured(normalised);
    if (this.#structuredCache.size < MAX_CACHED_TEXTS) this.#structuredCache.set(normalised, structured);
    this.#foundNames(normalised, structured);
  }

  /** `text`, normalised, with every detected value replaced by its placeholder; existing placeholders are left alone. */
  redact(text: string): string {
    const normalised = normaliseUntrusted(text);
    const spans = this.#detect(normalised);
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
    return this.#detect(text).map(({ start, end, kind }) => ({ start, end, kind }));
  }

  /** `text` with every placeholder of this vault replaced by its value; unknown placeholders stay as written. */
  restore(text: string): string {
    return text.replace(PLACEHOLDER, (placeholder) => this.#valueByPlaceholder.get(placeholder) ?? placeholder);
  }

  #detect(text: string): Span[] {
    const cached = this.#structuredCache.get(text);
    this.#structuredCache.delete(text);
    const taken = cached ?? this.#structured(text);
    this.#foundNames(text, taken);
    for (const span of this.#names.spans(text)) taken.add(span);
    return taken.spans.filter((s) => s.key !== '');
  }

  /** Placeholders already in the text (a text redacted twice) block every detector, names included. */
  #structured(text: string): SpanSet {
    const taken = new SpanSet();
    for (const m of text.matchAll(PLACEHOLDER)) taken.add({ start: m.index, end: m.index + m[0].length, kind: 'NAME', key: '' });
    for (const detect of DETECTORS) {
      const found = detect(text).sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
      for (const span of found) taken.add(span);
    }
    return taken;
  }

  /** Learns each name the finder sees where no other value (an address, an e-mail) already stands. */
  #foundNames(text: string, taken: SpanSet): void {
    for (const name of findNames(text)) {
      if (!taken.overlaps(name.start, name.end)) this.#learnName(text.slice(name.start, name.end));
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
