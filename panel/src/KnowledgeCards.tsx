/**
 * Knowledge cards under the draft, collapsed to the article's title and one line so the draft
 * stays first; each expands (a native disclosure, so keyboard and screen readers work) to where
 * in the article the passage is and the passage with the query's words marked. Articles the
 * draft cites are marked with their number. Article text is rendered as text (highlights are
 * slices of it), and only http(s) links open, in a new tab.
 */
import type { SearchHit } from '@tandem/shared';
import { useLayoutEffect, useRef } from 'react';
import type { KnowledgeCacheView, KnowledgeCards as Cards } from './cardTypes';
import { openLink } from './openLink';

const SNIPPET_CHARS = 280;

/** The passage around its first highlight, cut to a card's length, with highlights as <mark>. */
export function Snippet({ hit }: { hit: SearchHit }) {
  const first = hit.highlights[0]?.start ?? 0;
  const start = Math.max(0, Math.min(first - 60, hit.text.length - SNIPPET_CHARS));
  const end = Math.min(hit.text.length, start + SNIPPET_CHARS);
  const parts: { text: string; marked: boolean }[] = [];
  let at = start;
  for (const h of hit.highlights) {
    if (h.end <= at || h.start >= end) continue;
    const from = Math.max(h.start, at);
    if (from > at) parts.push({ text: hit.text.slice(at, from), marked: false });
    const to = Math.min(h.end, end);
    parts.push({ text: hit.text.slice(from, to), marked: true });
    at = to;
  }
  if (at < end) parts.push({ text: hit.text.slice(at, end), marked: false });
  return (
    <p className="snippet">
      {start > 0 ? '…' : null}
      {parts.map((part, i) => (part.marked ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
      {end < hit.text.length ? '…' : null}
    </p>
  );
}

function cacheLine(state: KnowledgeCacheView): string {
  const size = `${state.documents} ${state.documents === 1 ? 'article' : 'articles'} cached`;
  switch (state.status) {
    case 'loading':
      return 'Loading the local knowledge cache…';
    case 'syncing':
      return `Syncing knowledge… ${size}`;
    case 'ready':
      return `Knowledge up to date · ${size}`;
    case 'offline':
      return `Offline — knowledge from the local cache · ${size}`;
    case 'quota-exceeded':
      return `Local cache full (browser storage quota) · ${size}; the server answers the rest`;
    case 'error':
      return `Local cache unavailable: ${state.detail ?? 'unknown error'}`;
  }
}

export interface KnowledgeCardsProps {
  cards: Cards | undefined;
  /** The local cache behind the cards; none where cards come from the server alone (the desktop). */
  cache?: KnowledgeCacheView | undefined;
  /** Document id → the draft's citation number, for the articles the finished draft cites. */
  cited?: ReadonlyMap<string, number>;
}

export function KnowledgeCards({ cards, cache, cited }: KnowledgeCardsProps) {
  const list = useRef<HTMLElement>(null);
  // Stamped (epoch ms) once the DOM holds a ticket's first cards, and again when the server's
  // replace them: the ticket-open → cards benchmark reads both.
  useLayoutEffect(() => {
    const element = list.current;
    if (element === null || cards === undefined) return;
    const now = String(performance.timeOrigin + performance.now());
    if (element.dataset.stampedTicket !== cards.ticketId) {
      element.dataset.stampedTicket = cards.ticketId;
      element.dataset.firstRenderedAt = now;
      element.dataset.firstOrigin = cards.origin;
      delete element.dataset.serverRenderedAt;
    }
    if (cards.origin === 'server' && element.dataset.serverRenderedAt === undefined) element.dataset.serverRenderedAt = now;
  }, [cards]);

  return (
    <section
      className="knowledge"
      aria-label="Knowledge"
      ref={list}
      data-testid="knowledge-cards"
      data-ticket-id={cards?.ticketId}
      data-origin={cards?.origin}
    >
      <div className="knowledge__head">
        <h3 className="section-title">Knowledge</h3>
        {cache === undefined ? null : (
          <p className={`knowledge__cache cache--${cache.status}`} data-testid="cache-status" data-status={cache.status} role="status">
            {cacheLine(cache)}
          </p>
        )}
      </div>
      {cards === undefined ? null : cards.hits.length === 0 ? (
        <p className="muted" data-testid="no-cards">
          No matching articles
        </p>
      ) : (
        <ol className="knowledge-cards">
          {cards.hits.map((hit) => {
            const n = cited?.get(hit.documentId);
            return (
              <li key={hit.chunkId} data-testid="knowledge-card" data-document-id={hit.documentId} data-cited={n !== undefined}>
                <details className="kcard">
                  <summary className="kcard__summary">
                    <span className="kcard__title">
                      <span data-testid="card-title">{hit.title}</span>
                      {n === undefined ? null : (
                        <span className="badge badge--ok kcard__cited" data-testid="card-cited">
                          Cited [{n}]
                        </span>
                      )}
                    </span>
                    <span className="kcard__line muted">{oneLine(hit)}</span>
                  </summary>
                  <div className="kcard__body">
                    {hit.sectionPath.length === 0 ? null : <p className="muted section-path">{hit.sectionPath.join(' › ')}</p>}
                    <Snippet hit={hit} />
                    {hit.url !== undefined && /^https?:\/\//i.test(hit.url) ? (
                      <button type="button" className="link" onClick={() => openLink(hit.url)} title={hit.url}>
                        Open the article
                      </button>
                    ) : null}
                  </div>
                </details>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

/** The card's collapsed line: the passage from its first highlight (CSS cuts it to one line). */
function oneLine(hit: SearchHit): string {
  const first = hit.highlights[0]?.start ?? 0;
  const from = Math.max(0, hit.text.lastIndexOf(' ', Math.max(0, first - 20)));
  const line = hit.text
    .slice(from, from + 200)
    .replace(/\s+/g, ' ')
    .trim();
  return from > 0 ? `…${line}` : line;
}
