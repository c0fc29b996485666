/**
 * A passage read as a writer would quote it: its headings set apart (never glued to the sentence
 * after them), its paragraphs cut into sentences, numbered steps kept whole with the line that
 * introduces them ("To report a lost parcel:"), so steps stay steps, and short bulleted lists
 * too; each bullet of a long list is a unit of its own under that line (a fee table answers one
 * question with one row). Each unit keeps
 * the heading it sits under, which tells what it is about even when it does not say.
 */

export interface PassageUnit {
  kind: 'sentence' | 'list';
  /** The sentence, or the list's introducing line ('' when it has none). */
  text: string;
  /** The list's items without their bullets or numbers. */
  items: readonly string[];
  /** Numbered steps (1. 2. 3.) rather than bullets. */
  ordered: boolean;
  /** The nearest heading above it (or the passage's section). */
  heading: string;
  /** Items of one bulleted list share it, so items quoted apart are shown as one list again. */
  group: number;
  /** Position in the passage, to quote in reading order. */
  order: number;
}

const LIST_ITEM = /^(?:[-*•▪◦]|\d{1,2}[.)])\s+/;
const ORDERED_ITEM = /^\d{1,2}[.)]\s+/;
const MIN_SENTENCE_CHARS = 25;
const MAX_HEADING_WORDS = 12;
/** A bulleted list this short is quoted whole; a longer one (a fee table) item by item. */
const WHOLE_LIST_ITEMS = 4;

/** A line that names a section: short, no sentence punctuation at its end, or a section of the passage. */
function isHeading(line: string, known: ReadonlySet<string>): boolean {
  if (known.has(line.toLowerCase())) return true;
  if (/[.!?;:,]$/.test(line) || LIST_ITEM.test(line)) return false;
  return line.split(/\s+/).length <= MAX_HEADING_WORDS && line.length <= 90;
}

export function sentencesOf(text: string): string[] {
  return text
    .replace(/\s+/g, ' ')
    .split(/(?<=[.!?])\s+(?=[\p{Lu}\d"“¿¡])/u)
    .map((s) => s.trim())
    .filter((s) => s.length >= MIN_SENTENCE_CHARS && /\p{L}/u.test(s));
}

export function passageUnits(text: string, sectionPath: readonly string[], title: string): PassageUnit[] {
  const known = new Set([...sectionPath, title].map((s) => s.trim().toLowerCase()));
  const units: PassageUnit[] = [];
  let heading = sectionPath.at(-1) ?? title;
  let list: { intro: string; items: string[]; ordered: boolean } | undefined;
  let paragraph: string[] = [];
  const flushParagraph = () => {
    // A paragraph's last line ending in ':' introduces the list after it, so it waits for the list.
    for (const sentence of sentencesOf(paragraph.join(' ')))
      units.push({ kind: 'sentence', text: sentence, items: [], ordered: false, heading, order: units.length, group: -1 });
    paragraph = [];
  };
  let groups = 0;
  const flushList = () => {
    if (list !== undefined && list.items.length > 0) {
      groups += 1;
      // A bulleted list without its own intro line is labelled by its heading, on a line of its own.
      const intro = list.intro !== '' ? list.intro : `${heading}:`;
      if (list.ordered || list.items.length <= WHOLE_LIST_ITEMS)
        units.push({ kind: 'list', text: intro, items: list.items, ordered: list.ordered, heading, order: units.length, group: groups });
      else
        for (const item of list.items)
          units.push({ kind: 'list', text: intro, items: [item], ordered: false, heading, order: units.length, group: groups });
    }
    list = undefined;
  };
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    if (LIST_ITEM.test(line)) {
      if (list === undefined) {
        // The line just before a list that ends in ':' introduces it.
        const last = paragraph.at(-1);
        const intro = last !== undefined && last.endsWith(':') ? last : '';
        if (intro !== '') paragraph.pop();
        flushParagraph();
        list = { intro, items: [], ordered: ORDERED_ITEM.test(line) };
      }
      list.items.push(line.replace(LIST_ITEM, '').trim());
      continue;
    }
    flushList();
    if (isHeading(line, known)) {
      flushParagraph();
      heading = line;
      continue;
    }
    paragraph.push(line);
  }
  flushList();
  flushParagraph();
  return units;
}

/** Units for a reply: bullets of one list quoted apart are joined again under their intro, in the list's order. */
export function mergeUnits<T extends { unit: PassageUnit; passage: { n: number } }>(chosen: readonly T[]): T[] {
  const merged: T[] = [];
  for (const c of chosen) {
    const same = merged.findIndex(
      (m) => m.passage.n === c.passage.n && m.unit.group > 0 && m.unit.group === c.unit.group && !c.unit.ordered,
    );
    const into = merged[same];
    if (into === undefined) {
      merged.push(c);
      continue;
    }
    const [first, second] = into.unit.order <= c.unit.order ? [into.unit, c.unit] : [c.unit, into.unit];
    merged[same] = { ...into, unit: { ...first, items: [...first.items, ...second.items] } };
  }
  return merged;
}

/** The unit as text for a reply: a sentence, or the list's intro and its items on their own lines. */
export function unitText(unit: PassageUnit): string {
  if (unit.kind === 'sentence') return unit.text;
  const items = unit.items.map((item, i) => (unit.ordered ? `${i + 1}. ${item}` : `- ${item}`));
  return [unit.text, ...items].filter((l) => l !== '').join('\n');
}
