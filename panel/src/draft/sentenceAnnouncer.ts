/**
 * What a screen reader should hear while a draft streams: each complete sentence once, as it
 * completes, never the whole text again. Pure, so the rule is tested without a browser.
 */

/** A sentence ends at . ! ? … (with closing quotes or brackets) followed by whitespace, or at a line break. */
const SENTENCE_END = /[.!?…]["'”’)\]]*(?=\s)|\n/g;

export interface Announcement {
  /** The new sentences, citation markers removed; '' when nothing completed. */
  text: string;
  /** How far into the draft has been announced. */
  upTo: number;
}

/**
 * The sentences completed in `text` since `from`. At the end of the stream (`final`) the rest
 * counts as complete. A text shorter than `from` (a restart) starts over.
 */
export function nextAnnouncement(text: string, from: number, final: boolean): Announcement {
  const start = from > text.length ? 0 : from;
  let end = start;
  if (final) end = text.length;
  else {
    SENTENCE_END.lastIndex = start;
    for (let match = SENTENCE_END.exec(text); match !== null; match = SENTENCE_END.exec(text)) end = match.index + match[0].length;
  }
  const spoken = text
    .slice(start, end)
    .replace(/\s*\[\d{1,4}\]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return { text: spoken, upTo: end };
}
