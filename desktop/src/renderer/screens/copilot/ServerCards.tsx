/** The knowledge cards for a ticket, from the server's ranking, marked where the draft cites them. */
import { KnowledgeCards } from '@tandem/panel';
import type { TicketContext } from '@tandem/shared';
import type { ConsoleClient } from '../../api/client';
import { useServerCards } from '../../hooks/useServerCards';

export function ServerCards({
  client,
  ticket,
  cited,
}: {
  client: ConsoleClient;
  ticket: TicketContext;
  cited: ReadonlyMap<string, number>;
}) {
  return <KnowledgeCards cards={useServerCards(client, ticket)} cited={cited} />;
}
