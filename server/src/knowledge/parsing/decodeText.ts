/**
 * Turns the bytes of a text-based upload (txt, csv, markdown, html) into a string, refusing
 * binary data and malformed UTF-8 instead of indexing mojibake.
 */
import { IngestError } from '../ingestError.js';

/** Above this share of control characters the "text" is almost certainly a binary file. */
const MAX_CONTROL_SHARE = 0.05;

// Control characters that never occur in real text (tab, newline, carriage return and form feed do).
// eslint-disable-next-line no-control-regex
const STRAY_CONTROLS = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/g;

/**
 * `declaredEncoding` is a legacy charset the content itself declares (an HTML meta tag); without
 * one, the bytes must be UTF-8 (or UTF-16 with a byte-order mark).
 */
export function decodeText(bytes: Uint8Array, declaredEncoding?: string): string {
  const utf16 = utf16Encoding(bytes);
  if (utf16) {
    // UTF-16 text is full of NUL bytes, so it must be recognised by its BOM before the binary check.
    return checkControls(decodeStrict(bytes.subarray(2), utf16, 'UTF-16'));
  }
  if (bytes.includes(0)) {
    throw new IngestError('BINARY_CONTENT', 'The file contains NUL bytes: it is binary, not text.');
  }
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const legacy = start === 0 ? legacyDecoder(declaredEncoding) : undefined;
  // A declared legacy charset is decoded leniently, as browsers do.
  if (legacy) return checkControls(legacy.decode(bytes));
  return checkControls(decodeStrict(bytes.subarray(start), 'utf-8', 'UTF-8'));
}

function legacyDecoder(label: string | undefined): { decode(bytes: Uint8Array): string } | undefined {
  if (!label) return undefined;
  try {
    const decoder = new TextDecoder(label.trim().toLowerCase());
    if (decoder.encoding === 'utf-8' || decoder.encoding.startsWith('utf-16')) return undefined;
    return decoder.encoding === 'windows-1252' ? { decode: decodeWindows1252 } : decoder;
  } catch {
    return undefined;
  }
}

/** Windows-1252 puts punctuation (curly quotes, dashes, €) at 0x80-0x9F, where ISO-8859-1 has controls. */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

// Node 20's TextDecoder decodes windows-1252 (and the labels that alias it, latin1 included) as
// ISO-8859-1, so the 0x80-0x9F range is mapped here.
function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('latin1').decode(bytes).replace(/[\u0080-\u009f]/g, (ch) => WINDOWS_1252_HIGH.charAt(ch.charCodeAt(0) - 0x80));
}

function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

function decodeStrict(bytes: Uint8Array, encoding: string, label: string): string {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new IngestError('INVALID_UTF8', `The file is not valid ${label} text.`);
  }
}

function checkControls(text: string): string {
  const controls = countStrayControls(text);
  if (controls > 0 && controls / text.length > MAX_CONTROL_SHARE) {
    throw new IngestError('BINARY_CONTENT', 'The file is full of control characters: it is binary, not text.');
  }
  // A few stray controls (e.g. a bell in a pasted log) are noise for search, so drop them.
  return controls > 0 ? text.replace(STRAY_CONTROLS, '') : text;
}

function countStrayControls(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) || code === 0x7f) count++;
  }
  return count;
}
