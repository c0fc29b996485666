/**
 * Whether a widget conversation matches a console search: every word of the query appears
 * (case- and accent-insensitively) in the visitor's name or id, the site's name, or one line of
 * the transcript; that line, cut around the first word, is the snippet shown.
 */
import type { WidgetConversationDetail } from '@tandem/shared';

const SNIPPET_CHARS = 140;

export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

export function wordsOf(query: string): string[] {
  return fold(query)
    .split(/\s+/)
    .filter((w) => w !== '');
}

export function matchConversation(detail: WidgetConversationDetail, words: readonly string[]): { snippet?: string } | undefined {
  if (words.length === 0) return {};
  const c = detail.conversation;
  const about = fold([c.visitor.name, c.visitor.userId, c.siteName].filter((v) => v !== undefined).join(' '));
  if (words.every((w) => about.includes(w))) return {};
  for (const entry of detail.transcript) {
    const text = fold(entry.text);
    if (words.every((w) => text.includes(w) || about.includes(w)))
      return { snippet: snippetOf(entry.text, text.indexOf(words[0] as string)) };
  }
  return undefined;
}

function snippetOf(text: string, at: number): string {
  if (text.length <= SNIPPET_CHARS) return text;
  const start = Math.max(0, Math.min(at - 40, text.length - SNIPPET_CHARS));
  return `${start > 0 ? '…' : ''}${text.slice(start, start + SNIPPET_CHARS).trim()}${start + SNIPPET_CHARS < text.length ? '…' : ''}`;
}
