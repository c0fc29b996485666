/**
 * Where the assist engine gets the customer's live state (orders, payments, cart). The live
 * context engine will provide it from the event log; until then the demo store connector does.
 */
import type { CustomerLiveState, TicketContext } from '@tandem/shared';

export interface LiveStateSource {
  forTicket(tenantId: string, ticket: TicketContext, signal: AbortSignal): Promise<CustomerLiveState | undefined>;
}

export const noLiveState: LiveStateSource = { forTicket: () => Promise.resolve(undefined) };

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
