/**
 * Where the assist engine gets the customer's live state (orders, payments, cart): a connector
 * that knows the customer's whole history first (a shop's API), else the live context projected
 * from the events the workspace's systems sent.
 */
import type { CustomerLiveState, TicketContext } from '@tandem/shared';
import type { LiveContext } from '../live/index.js';
import type { LiveFactsConnector } from './connectorSet.js';

export interface LiveStateSource {
  forTicket(tenantId: string, ticket: TicketContext, signal: AbortSignal): Promise<CustomerLiveState | undefined>;
}

export const noLiveState: LiveStateSource = { forTicket: () => Promise.resolve(undefined) };

export function liveStateSource(
  connectors: () => readonly LiveFactsConnector[],
  projected: Pick<LiveContext, 'stateFor'>,
): LiveStateSource {
  return {
    async forTicket(tenantId, ticket, signal) {
      const email = ticket.requester.email;
      if (email === undefined) return undefined;
      for (const connector of connectors()) {
        // A connector that fails or does not know the customer leaves it to the next, then to the event log.
        const state = await connector.liveStateForEmail(email, signal).catch(() => undefined);
        if (state !== undefined) return state;
      }
      return projected.stateFor(tenantId, { email });
    },
  };
}

/** One-line facts for the draft, newest first; nothing the customer did not do or the store did not record. */
export function liveFacts(state: CustomerLiveState | undefined): string[] {
  if (state === undefined) return [];
  const facts: string[] = [];
  if (state.payment?.status === 'failed')
    facts.push(
      `A payment failed on ${state.payment.lastEventAt.slice(0, 10)}${state.payment.detail === undefined ? '' : ` (${state.payment.detail})`}.`,
    );
  for (const order of state.orders.slice(0, 3))
    facts.push(
      `Order ${order.id} (${order.total.toFixed(2)} ${order.currency}, placed ${order.placedAt.slice(0, 10)}) is ${order.status}.`,
    );
  if (state.cart !== undefined && state.cart.items.length > 0)
    facts.push(`The cart holds ${state.cart.items.map((i) => `${i.quantity} × ${i.name}`).join(', ')}.`);
  return facts;
}
