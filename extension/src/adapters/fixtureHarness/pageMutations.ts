/**
 * Seeded random redesigns of a fixture page, the kind a helpdesk ships without notice: class names
 * renamed (every use of a class, to a new random name), extra wrapper elements, and siblings moved
 * around. The changes keep what the page means: wrappers are `span` around inline elements and
 * `div` around blocks (so the rendered text is unchanged), table parts are never wrapped, and a
 * move never changes the order of two siblings of the same shape (tag and attribute names: a
 * message log stays in order) nor of two siblings that both hold text (a body's paragraphs stay
 * in order; a `<br>` counts as text), and never happens among loose text (inline content). Classes
 * that mail clients put inside an e-mail's own HTML (`gmail_quote`…) are content, not the
 * helpdesk's markup, so a redesign does not rename them. An adapter must read the result exactly
 * as the original, or refuse it.
 */

/** A small fast PRNG (mulberry32): the same seed gives the same pages on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A stable seed from a fixture's name. */
export function seedOf(text: string): number {
  let hash = 2166136261;
  for (const char of text) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  return hash >>> 0;
}

type Random = () => number;

function pick<T>(random: Random, items: readonly T[]): T | undefined {
  return items.length === 0 ? undefined : items[Math.floor(random() * items.length)];
}

function randomName(random: Random): string {
  return `m${Math.floor(random() * 36 ** 6).toString(36)}`;
}

/** Classes an e-mail's own HTML carries (quote and signature markers of mail clients): content, never renamed. */
const MAIL_CONTENT_CLASSES = new Set([
  'gmail_quote',
  'gmail_attr',
  'gmail_extra',
  'gmail_signature',
  'gmail_default',
  'moz-cite-prefix',
  'moz-signature',
  'yahoo_quoted',
  'protonmail_quote',
  'OutlookMessageHeader',
]);

/** Elements whose text domText reads as its own block: wrapping them in a div changes nothing. */
const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TR',
  'UL',
]);
/** Never wrapped: table structure (a div inside a row is not a table any more) and the document's frame. */
const UNWRAPPABLE = new Set(['HTML', 'HEAD', 'BODY', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'TD', 'TH', 'CAPTION', 'COLGROUP', 'COL', 'OPTION']);

function bodyElements(doc: Document): Element[] {
  return doc.body === null ? [] : Array.from(doc.body.querySelectorAll('*'));
}

function renameClass(doc: Document, random: Random): string | undefined {
  const classes = [...new Set(bodyElements(doc).flatMap((element) => Array.from(element.classList)))].filter(
    (name) => !MAIL_CONTENT_CLASSES.has(name),
  );
  const old = pick(random, classes);
  if (old === undefined) return undefined;
  const renamed = randomName(random);
  for (const element of bodyElements(doc)) {
    if (!element.classList.contains(old)) continue;
    element.classList.remove(old);
    element.classList.add(renamed);
  }
  return `class .${old} → .${renamed}`;
}

function wrapElement(doc: Document, random: Random): string | undefined {
  const element = pick(
    random,
    bodyElements(doc).filter((candidate) => !UNWRAPPABLE.has(candidate.tagName.toUpperCase())),
  );
  const parent = element?.parentNode;
  if (element === undefined || parent === null || parent === undefined) return undefined;
  const tag = BLOCK_TAGS.has(element.tagName.toUpperCase()) ? 'div' : 'span';
  const wrapper = doc.createElement(tag);
  if (random() < 0.5) wrapper.setAttribute('class', randomName(random));
  parent.insertBefore(wrapper, element);
  wrapper.appendChild(element);
  return `wrap <${element.tagName.toLowerCase()}> in <${tag}>`;
}

function shapeOf(element: Element): string {
  const names = Array.from(element.attributes, (attribute) => attribute.name).sort();
  return `${element.tagName.toLowerCase()}[${names.join(',')}]`;
}

/** Line breaks render as text too: moving one moves where a line ends. */
const TEXT_LIKE = new Set(['BR', 'HR', 'WBR']);

function hasText(element: Element): boolean {
  return (
    TEXT_LIKE.has(element.tagName.toUpperCase()) || element.querySelector('br, hr') !== null || (element.textContent ?? '').trim() !== ''
  );
}

/** Loose text beside the children: moving a child would move it across words. */
function hasLooseText(parent: Element): boolean {
  return Array.from(parent.childNodes).some((node) => node.nodeType === 3 && (node.nodeValue ?? '').trim() !== '');
}

/** May `moving` pass `crossed`? Only when their shapes differ and at least one of them holds no text. */
function mayCross(moving: Element, crossed: Element): boolean {
  return shapeOf(moving) !== shapeOf(crossed) && (!hasText(moving) || !hasText(crossed));
}

function moveSibling(random: Random, doc: Document): string | undefined {
  const movable = bodyElements(doc).filter((element) => element.parentElement !== null && element.parentElement.children.length > 1);
  for (let attempt = 0; attempt < 8; attempt += 1) {
    const element = pick(random, movable);
    const parent = element?.parentElement;
    if (element === undefined || parent === null || parent === undefined) return undefined;
    if (hasLooseText(parent)) continue;
    const siblings = Array.from(parent.children);
    const from = siblings.indexOf(element);
    const to = Math.floor(random() * siblings.length);
    if (to === from) continue;
    const crossed = to > from ? siblings.slice(from + 1, to + 1) : siblings.slice(to, from);
    if (!crossed.every((sibling) => mayCross(element, sibling))) continue;
    const anchor = to > from ? (siblings[to]?.nextElementSibling ?? null) : (siblings[to] ?? null);
    parent.insertBefore(element, anchor);
    return `move <${element.tagName.toLowerCase()}> from ${from} to ${to} among ${siblings.length}`;
  }
  return undefined;
}

const MUTATIONS = [
  (doc: Document, random: Random) => renameClass(doc, random),
  (doc: Document, random: Random) => wrapElement(doc, random),
  (doc: Document, random: Random) => moveSibling(random, doc),
] as const;

/** Applies one to five random mutations to `doc` in place; returns what was done, for a failure message. */
export function mutatePage(doc: Document, random: Random): string[] {
  const done: string[] = [];
  const count = 1 + Math.floor(random() * 5);
  for (let index = 0; index < count; index += 1) {
    const mutation = pick(random, MUTATIONS);
    const change = mutation?.(doc, random);
    if (change !== undefined) done.push(change);
  }
  return done;
}
