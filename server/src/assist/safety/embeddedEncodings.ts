/**
 * Decodes text hidden inside a message so the injection classifier can score it too: base64,
 * hex (plain, `\x41` and `\u0041` escapes), URL-encoding, HTML entities, rot13 and Unicode tag
 * characters ("ASCII smuggling", which the normaliser removes, so they are read from the raw text).
 *
 * Bounded on purpose, because this runs on every ticket before the first token: only plausible
 * spans are decoded (long enough, and decoding to valid, mostly printable UTF-8 text), each span
 * and the total are capped, nesting stops at two levels, and every scan is one linear regex pass.
 */

export type EncodingName = 'base64' | 'hex' | 'url' | 'html' | 'rot13' | 'tags';

export interface DecodedView {
  encoding: EncodingName;
  text: string;
}

/** A span longer than this is cut before decoding: an instruction fits in far less. */
const MAX_SPAN = 8192;
const MAX_VIEWS = 12;
const MAX_DECODED_CHARS = 32_768;
/** rot13 of the whole text is one more view; past this size only the head is rotated. */
const MAX_ROT13_CHARS = 16_384;
const MIN_ROT13_LETTERS = 20;

const BASE64_SPAN = /[A-Za-z0-9+/_-]{16,}={0,2}/g;
const HEX_SPAN = /(?:[0-9a-fA-F]{2}[ :]?){8,}/g;
const HEX_ESCAPES = /(?:\\x[0-9a-fA-F]{2}){4,}/g;
const UNICODE_ESCAPES = /(?:\\u[0-9a-fA-F]{4}){4,}/g;
/** Three or more %XX escapes with at most 64 other characters between them (an unbounded `\S*` here would backtrack quadratically). */
const URL_SPAN = /(?:[^\s%]{0,64}%[0-9A-Fa-f]{2}){3,}[^\s%]{0,64}/g;
const HTML_ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z]{2,8}));/g;
/** Six or more entities in a row: a mail client escapes a character here and there, not whole sentences. */
const HTML_SPAN = /(?:&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,8});){6,}/g;
/** Tag characters, and the rest of their 256-code-point page read the same way (Latin-1 letters, line breaks), which also hide text. */
const TAG_RUN = /[\u{E0000}-\u{E00FF}]{4,}/gu;

const NAMED_ENTITIES: Record<string, string> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  mdash: '—',
  ndash: '–',
  hellip: '…',
};

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Valid UTF-8, no replacement characters, at least a few letters, and mostly printable. */
function plausibleText(bytes: Uint8Array): string | undefined {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return undefined;
  }
  if (text.length < 6 || text.includes('\uFFFD')) return undefined;
  const printable = text.match(/[\p{L}\p{M}\p{N}\p{P}\p{S}\p{Zs}\n\t]/gu)?.length ?? 0;
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  return printable >= text.length * 0.95 && letters >= 4 ? text : undefined;
}

function fromBase64(span: string): string | undefined {
  // Both alphabets (+/ and -_): Node's decoder accepts either.
  return plausibleText(Buffer.from(span.slice(0, MAX_SPAN), 'base64'));
}

function fromHex(span: string): string | undefined {
  const digits = span.slice(0, MAX_SPAN).replace(/[^0-9a-fA-F]/g, '');
  return plausibleText(Buffer.from(digits.slice(0, digits.length - (digits.length % 2)), 'hex'));
}

function fromHexEscapes(span: string): string | undefined {
  return fromHex(span.replace(/\\x/g, ''));
}

function fromUnicodeEscapes(span: string): string | undefined {
  const text = span.slice(0, MAX_SPAN).replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return /\p{L}{2}/u.test(text) ? text : undefined;
}

function fromUrl(span: string): string | undefined {
  const bytes: number[] = [];
  const s = span.slice(0, MAX_SPAN);
  for (let i = 0; i < s.length; i += 1) {
    const ch = s[i] as string;
    if (ch === '%' && /^[0-9A-Fa-f]{2}$/.test(s.slice(i + 1, i + 3))) {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (ch === '+') bytes.push(32);
    else bytes.push(...Buffer.from(ch, 'utf8'));
  }
  return plausibleText(Uint8Array.from(bytes));
}

function fromHtmlEntities(span: string): string | undefined {
  const decoded = span.slice(0, MAX_SPAN).replace(HTML_ENTITY, (whole, dec?: string, hex?: string, name?: string) => {
    const code = dec !== undefined ? parseInt(dec, 10) : hex !== undefined ? parseInt(hex, 16) : undefined;
    if (code !== undefined) return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    return NAMED_ENTITIES[(name ?? '').toLowerCase()] ?? whole;
  });
  return /\p{L}{2}/u.test(decoded) ? decoded : undefined;
}

export function rot13(text: string): string {
  return text.replace(/[A-Za-z]/g, (ch) => {
    const base = ch <= 'Z' ? 65 : 97;
    return String.fromCharCode(((ch.charCodeAt(0) - base + 13) % 26) + base);
  });
}

/** Each character's low byte, as Latin-1; control characters other than tab and line feed are dropped. */
function fromTags(run: string): string {
  return [...run]
    .map((ch) => (ch.codePointAt(0) ?? 0xe0020) - 0xe0000)
    .filter((code) => code === 9 || code === 10 || (code >= 32 && code < 127) || code >= 160)
    .map((code) => String.fromCharCode(code))
    .join('');
}

type SpanDecoder = [EncodingName, RegExp, (span: string) => string | undefined];

const SPAN_DECODERS: readonly SpanDecoder[] = [
  ['base64', BASE64_SPAN, fromBase64],
  ['hex', HEX_SPAN, fromHex],
  ['hex', HEX_ESCAPES, fromHexEscapes],
  ['hex', UNICODE_ESCAPES, fromUnicodeEscapes],
  ['url', URL_SPAN, fromUrl],
  ['html', HTML_SPAN, fromHtmlEntities],
];

class ViewCollector {
  readonly views: DecodedView[] = [];
  private chars = 0;
  full(): boolean {
    return this.views.length >= MAX_VIEWS || this.chars >= MAX_DECODED_CHARS;
  }
  add(encoding: EncodingName, text: string): boolean {
    if (this.full()) return false;
    const kept = text.slice(0, MAX_DECODED_CHARS - this.chars);
    this.views.push({ encoding, text: kept });
    this.chars += kept.length;
    return true;
  }
}

function decodeSpans(text: string, into: ViewCollector, depth: number): void {
  for (const [encoding, pattern, decode] of SPAN_DECODERS) {
    for (const match of text.matchAll(pattern)) {
      if (into.full()) return;
      const decoded = decode(match[0]);
      if (decoded === undefined || decoded === match[0]) continue;
      into.add(encoding, decoded);
      if (depth < 2) decodeSpans(decoded, into, depth + 1);
    }
  }
}

/**
 * The texts hidden in `raw` (the message as received) and `normalised` (its normalised form):
 * each decoded span once, tag-character runs, and the rot13 of the whole text when it has enough
 * Latin letters. Empty for ordinary text.
 */
export function decodeEmbedded(raw: string, normalised: string): DecodedView[] {
  const views = new ViewCollector();
  for (const match of raw.matchAll(TAG_RUN)) if (!views.add('tags', fromTags(match[0]))) break;
  decodeSpans(normalised, views, 1);
  const head = normalised.slice(0, MAX_ROT13_CHARS);
  if ((head.match(/[A-Za-z]/g)?.length ?? 0) >= MIN_ROT13_LETTERS) views.add('rot13', rot13(head));
  return views.views;
}
