/**
 * Markdown inline syntax to plain text: emphasis markers, code-span backticks, link and image
 * syntax and inline HTML go; the words stay. Every pattern here is linear (no nested
 * quantifiers, bounded scans), because a paragraph can be megabytes long.
 */
import { decodeXmlEntities } from './xmlScanner.js';

// Escaped punctuation is parked in the Private Use Area so no later rule mistakes it for syntax.
const ESCAPE_BASE = 0xe000;
const ESCAPABLE = /\\([!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~])/g;
const PARKED = /[\ue000-\ue07f]/g;

const HTML_ENTITIES: Readonly<Record<string, string>> = {
  nbsp: ' ',
  copy: '©',
  reg: '®',
  trade: '™',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  euro: '€',
  pound: '£',
  yen: '¥',
  times: '×',
  middot: '·',
  bull: '•',
};

export function stripInlineMarkdown(text: string): string {
  let out = text.replace(ESCAPABLE, (_, ch: string) => String.fromCharCode(ESCAPE_BASE + ch.charCodeAt(0)));
  out = splitCodeSpans(out)
    .map((segment, index) => (index % 2 === 1 ? segment : stripProse(segment)))
    .join('');
  return out.replace(PARKED, (ch) => String.fromCharCode(ch.charCodeAt(0) - ESCAPE_BASE));
}

/** Alternating prose and code-span contents; code keeps its characters as written. */
function splitCodeSpans(text: string): string[] {
  const segments: string[] = [];
  let at = 0;
  let proseStart = 0;
  while (at < text.length) {
    const open = text.indexOf('`', at);
    if (open < 0) break;
    let run = 1;
    while (text[open + run] === '`') run++;
    const fence = '`'.repeat(run);
    let close = text.indexOf(fence, open + run);
    // A closing run must be exactly as long as the opening one.
    while (close >= 0 && text[close + run] === '`') {
      let end = close;
      while (text[end] === '`') end++;
      close = text.indexOf(fence, end);
    }
    if (close < 0) {
      at = open + run;
      continue;
    }
    segments.push(text.slice(proseStart, open), text.slice(open + run, close).trim());
    at = close + run;
    proseStart = at;
  }
  segments.push(text.slice(proseStart));
  return segments;
}

function stripProse(text: string): string {
  return (
    removeComments(text)
      .replace(/<(script|style)\b[^>]*>[^<]*<\/\1\s*>/gi, '')
      // Autolinks keep their address: it is the link's only text.
      .replace(/<((?:https?|mailto):[^\s<>]*)>/gi, '$1')
      .replace(/<\/?[a-zA-Z][^<>]*>/g, '')
      // Images keep their alt text, links their label; the URL (and reference label) goes.
      .replace(/!\[([^\]]{0,500})\]\([^()\s]*(?:\s+"[^"]{0,300}")?\)/g, '$1')
      .replace(/\[([^\]]{0,500})\]\([^()\s]*(?:\s+"[^"]{0,300}")?\)/g, '$1')
      .replace(/!?\[([^\]]{1,500})\]\[[^\]]{0,100}\]/g, '$1')
      .replace(/\*\*|__|~~/g, '')
      // Single * and _ only where they hug a word from outside: snake_case and 2 * 3 stay.
      .replace(/(^|[\s([{"'])[*_](?=\S)/g, '$1')
      .replace(/(\S)[*_](?=$|[\s)\]}"'.,;:!?])/g, '$1')
      .replace(
        /&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});/g,
        (entity: string, name: string) => HTML_ENTITIES[name] ?? decodeXmlEntities(entity),
      )
  );
}

function removeComments(text: string): string {
  let start = text.indexOf('<!--');
  if (start < 0) return text;
  const kept: string[] = [];
  let at = 0;
  while (start >= 0) {
    const end = text.indexOf('-->', start + 4);
    kept.push(text.slice(at, start));
    at = end < 0 ? text.length : end + 3;
    start = end < 0 ? -1 : text.indexOf('<!--', at);
  }
  kept.push(text.slice(at));
  return kept.join('');
}
