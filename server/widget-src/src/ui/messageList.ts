/**
 * The transcript as a list, one item per entry, kept by key: entries never change once shown, so
 * an update only adds, removes or moves items, and the answer being written is one item whose
 * text grows. Every text from the server or the visitor is set as textContent; the only links
 * are citation URLs that pass safeLink.ts.
 */
import type { WidgetCitation } from '@tandem/shared';
import type { Entry } from '../state/conversationState.js';
import { h } from './dom.js';
import { externalLink } from './safeLink.js';
import { TEXTS } from './texts.js';

const DRAFT_KEY = '\u0000draft';

function bubble(doc: Document, kind: string, author: string, text: string, ...extra: Node[]): HTMLLIElement {
  return h(
    doc,
    'li',
    { class: `msg ${kind}` },
    h(doc, 'span', { class: 'author' }, author),
    h(doc, 'span', { class: 'text' }, text),
    ...extra,
  );
}

function sources(doc: Document, citations: readonly WidgetCitation[]): Node[] {
  if (citations.length === 0) return [];
  const items = citations.map((c) => {
    const title = c.title.trim() === '' ? `${TEXTS.sources} ${c.n}` : c.title;
    const link = c.url === undefined ? undefined : externalLink(doc, c.url, title);
    return h(doc, 'li', { value: String(c.n) }, link ?? title);
  });
  return [h(doc, 'span', { class: 'sources-label' }, TEXTS.sources), h(doc, 'ol', { class: 'sources' }, ...items)];
}

export function renderEntry(doc: Document, entry: Entry): HTMLLIElement {
  switch (entry.kind) {
    case 'visitor':
      return h(
        doc,
        'li',
        { class: 'msg visitor', 'aria-busy': entry.pending ? 'true' : undefined },
        h(doc, 'span', { class: 'sr-only' }, `${TEXTS.you}: `),
        h(doc, 'span', { class: 'text' }, entry.text),
      );
    case 'ai':
      return bubble(doc, 'ai', TEXTS.assistant, entry.text, ...sources(doc, entry.citations));
    case 'human':
      return bubble(doc, 'human', `${entry.agentName} · ${TEXTS.supportTeam}`, entry.text);
    case 'proactive':
      return bubble(doc, 'proactive', `${TEXTS.assistant} · ${TEXTS.proactive}`, entry.text);
    case 'handoff':
      return h(doc, 'li', { class: 'notice' }, TEXTS.handoff[entry.reason]);
    case 'handback':
      return h(doc, 'li', { class: 'notice' }, TEXTS.handback);
    case 'closed':
      return h(doc, 'li', { class: 'notice' }, TEXTS.closed);
  }
}

export class MessageList {
  private readonly items = new Map<string, HTMLLIElement>();
  private draftText: HTMLElement | undefined;

  constructor(
    private readonly doc: Document,
    readonly element: HTMLOListElement,
  ) {}

  update(entries: readonly Entry[], draft: string | undefined): void {
    const wanted: [string, () => HTMLLIElement][] = entries.map((e) => [e.key, () => renderEntry(this.doc, e)]);
    if (draft !== undefined) wanted.push([DRAFT_KEY, () => this.draftItem()]);
    const keep = new Set(wanted.map(([key]) => key));
    for (const [key, item] of this.items) {
      if (keep.has(key)) continue;
      item.remove();
      this.items.delete(key);
      if (key === DRAFT_KEY) this.draftText = undefined;
    }
    let previous: Element | null = null;
    for (const [key, make] of wanted) {
      let item = this.items.get(key);
      if (item === undefined) {
        item = make();
        this.items.set(key, item);
      }
      const expectedNext: Element | null = previous === null ? this.element.firstElementChild : previous.nextElementSibling;
      if (expectedNext !== item) this.element.insertBefore(item, expectedNext);
      previous = item;
    }
    if (draft !== undefined && this.draftText !== undefined && this.draftText.textContent !== draft) this.draftText.textContent = draft;
  }

  private draftItem(): HTMLLIElement {
    const item = bubble(this.doc, 'ai draft', TEXTS.assistant, '');
    this.draftText = item.querySelector<HTMLElement>('.text') ?? undefined;
    return item;
  }
}
