/**
 * Draft text split into plain text and citation markers. A `[n]` becomes a citation only when
 * source `n` exists; any other bracketed number stays the text it was, so a hallucinated or
 * edited-in marker never points at the wrong article.
 */
import type { CitedSource } from '@tandem/shared';
import { openLink } from '../openLink';

export type DraftSegment = { kind: 'text'; text: string } | { kind: 'citation'; n: number; source: CitedSource };

const MARKER = /\[(\d{1,4})\]/g;

export function segmentDraft(text: string, sources: readonly CitedSource[]): DraftSegment[] {
  const byNumber = new Map(sources.map((source) => [source.n, source]));
  const segments: DraftSegment[] = [];
  const pushText = (piece: string) => {
    if (piece === '') return;
    const last = segments.at(-1);
    if (last?.kind === 'text') last.text += piece;
    else segments.push({ kind: 'text', text: piece });
  };
  let at = 0;
  for (const match of text.matchAll(MARKER)) {
    const n = Number(match[1]);
    const source = byNumber.get(n);
    pushText(text.slice(at, match.index));
    if (source === undefined) pushText(match[0]);
    else segments.push({ kind: 'citation', n, source });
    at = match.index + match[0].length;
  }
  pushText(text.slice(at));
  return segments;
}

/** The URL to open for a source, only when it is http(s): a `javascript:` or `data:` URL opens nothing. */
export function openableUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** In the extension a new tab via the tabs API; elsewhere (the desktop, a test page) a window that cannot reach back to the panel. */
export function openSource(url: string): void {
  openLink(url);
}

/** What the tooltip shows of a source: its title, and the start of the passage. */
export function snippetOf(source: CitedSource, max = 220): string {
  const text = source.text.replace(/\s+/g, ' ').trim();
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
