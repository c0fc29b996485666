/**
 * Blocks from plain lines of text (text files, and the lines a PDF page is rebuilt into): blank
 * lines end paragraphs, hard-wrapped lines are joined back, and bulleted or numbered lines become
 * list items.
 */
import type { BlockSink } from './blockSink.js';

const SYMBOL_BULLET = /^\s*[-*•▪◦‣●○■□–]\s+/;
const NUMBERED = /^\s*\d{1,3}[.)]\s+/;

/** `dehyphenate` is for typeset text (PDF), where a line-end hyphen usually only splits a word. */
export function linesToBlocks(lines: readonly string[], sink: BlockSink, dehyphenate = false): void {
  let paragraph: string[] = [];
  let item: string[] | undefined;
  const flush = (): void => {
    if (item) sink.text('listItem', joinLines(item, dehyphenate));
    else if (paragraph.length > 0) sink.paragraph(joinLines(paragraph, dehyphenate));
    paragraph = [];
    item = undefined;
  };
  for (const line of lines) {
    if (line.trim() === '') {
      flush();
    } else if (SYMBOL_BULLET.test(line) || NUMBERED.test(line)) {
      flush();
      // Symbol bullets carry no meaning; numbers do (step 3 of 5), so they stay.
      item = [line.replace(SYMBOL_BULLET, '').trim()];
    } else if (item) {
      item.push(line);
    } else {
      paragraph.push(line);
    }
  }
  flush();
}

export function textToBlocks(text: string, sink: BlockSink): void {
  linesToBlocks(text.split(/\r\n|\r|\n/), sink);
}

/** Joins wrapped lines with spaces. */
function joinLines(lines: readonly string[], dehyphenate: boolean): string {
  let joined = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    if (!joined) joined = line;
    // Only the last two characters are tested: the joined text can be long.
    else if (dehyphenate && /^\p{Ll}-$/u.test(joined.slice(-2)) && /^\p{Ll}/u.test(line)) joined = joined.slice(0, -1) + line;
    else joined += ` ${line}`;
  }
  return joined;
}
