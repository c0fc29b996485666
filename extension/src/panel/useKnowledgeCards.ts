/**
 * Knowledge cards for the open ticket: answered from the local cache the moment the ticket
 * arrives, then replaced by the server's ranking when it answers (it has fresher vectors and
 * the query embedding). Offline, the cache's cards stay and say where they came from.
 */
import { ticketCustomerText, type TicketContext } from '@tandem/shared';
import { useEffect, useState } from 'react';
import type { TandemClient } from '../connection/tandemClient';
import type { KnowledgeCacheService } from '../knowledgeCache/knowledgeCacheService';
import { CARD_COUNT, type KnowledgeCardList as KnowledgeCards } from '@tandem/panel';

export function cardQuery(ticket: TicketContext): string {
  return ticketCustomerText(ticket).slice(0, 4000).trim();
}

export function useKnowledgeCards(
  ticket: TicketContext | undefined,
  cache: KnowledgeCacheService,
  cachedChunks: number,
  client: TandemClient | undefined,
): KnowledgeCards | undefined {
  const [cards, setCards] = useState<KnowledgeCards>();
  const ticketId = ticket?.ticketId;
  const query = ticket === undefined ? '' : cardQuery(ticket);

  // Local first: synchronous over the in-memory index, so cards appear in the same frame.
  useEffect(() => {
    // No ticket: nothing to rank; the stale cards are not returned below.
    if (ticketId === undefined || query === '') return;
    const fromCache = (vector?: Float32Array) =>
      setCards((previous) => {
        // The server's answer for this very query is better than the cache's: keep it.
        if (previous?.origin === 'server' && previous.ticketId === ticketId && previous.query === query) return previous;
        return { ticketId, query, hits: cache.search(query, { k: CARD_COUNT, vector }), origin: 'cache' };
      });
    fromCache();
    // A query seen online before has its server embedding cached: rank again with the vectors too.
    let current = true;
    void cache.queryVector(query).then(
      (vector) => {
        if (current && vector !== undefined) fromCache(vector);
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [cache, cachedChunks, ticketId, query]);

  useEffect(() => {
    if (client === undefined || ticketId === undefined || query === '') return;
    const controller = new AbortController();
    client.knowledge.search
      .query({ query, k: CARD_COUNT }, { signal: controller.signal })
      .then(async (result) => {
        if (controller.signal.aborted) return;
        setCards({ ticketId, query, hits: result.hits, origin: 'server' });
        // Kept for offline: the same ticket is then ranked with vectors from the cache alone.
        if (!(await cache.wantsQueryVector(query)) || controller.signal.aborted) return;
        const embedded = await client.knowledge.embedQuery.query({ text: query }, { signal: controller.signal });
        if (embedded.embedder !== null && embedded.vector !== null)
          await cache.rememberQueryVector(query, embedded.embedder, embedded.vector);
      })
      // Unreachable or failing server: the cache's cards stay, and the panel says it is offline.
      .catch(() => undefined);
    return () => controller.abort();
  }, [cache, client, ticketId, query]);

  return cards !== undefined && cards.ticketId === ticketId && cards.query === query ? cards : undefined;
}
