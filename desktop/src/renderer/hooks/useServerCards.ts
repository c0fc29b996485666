/**
 * Knowledge cards for the followed ticket, from the server's ranking (the desktop has no local
 * cache): the same query the side panel's cards use, so both show the same articles.
 */
import { useEffect, useState } from 'react';
import { CARD_COUNT, type KnowledgeCardList } from '@tandem/panel';
import { ticketCustomerText, type TicketContext } from '@tandem/shared';
import type { ConsoleClient } from '../api/client';

export function useServerCards(client: ConsoleClient, ticket: TicketContext | undefined): KnowledgeCardList | undefined {
  const [cards, setCards] = useState<KnowledgeCardList>();
  const ticketId = ticket?.ticketId;
  const query = ticket === undefined ? '' : ticketCustomerText(ticket).slice(0, 4000).trim();

  useEffect(() => {
    if (ticketId === undefined || query === '') return;
    const controller = new AbortController();
    client.knowledge.search
      .query({ query, k: CARD_COUNT }, { signal: controller.signal })
      .then((result) => {
        if (!controller.signal.aborted) setCards({ ticketId, query, hits: result.hits, origin: 'server' });
      })
      // No cards is the answer when search fails: the draft still comes, and says its own errors.
      .catch(() => undefined);
    return () => controller.abort();
  }, [client, ticketId, query]);

  return cards !== undefined && cards.ticketId === ticketId && cards.query === query ? cards : undefined;
}
