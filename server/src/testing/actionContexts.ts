/**
 * Builds the contexts action tests need: a ticket as a site adapter would read it (validated by
 * the real schema, so defaults apply) with optional live state, and a run context with a fresh
 * idempotency key.
 */
import { randomUUID } from 'node:crypto';
import { ticketContextSchema, type CustomerLiveState, type TicketContextInput, type TicketMessageInput } from '@tandem/shared';
import type { ActionContext, ActionRunContext } from '../assist/actions/actionDefinition.js';

export function actionContext(
  ticket: Partial<TicketContextInput> & { customerSays?: string | string[] },
  live?: CustomerLiveState,
): ActionContext {
  const { customerSays, ...rest } = ticket;
  const said = customerSays === undefined ? [] : Array.isArray(customerSays) ? customerSays : [customerSays];
  const messages: TicketMessageInput[] = said.map((body) => ({ authorRole: 'customer', body }));
  return {
    tenantId: 'acme',
    ticket: ticketContextSchema.parse({
      site: 'fixture',
      ticketId: 'T-100',
      subject: '',
      requester: {},
      ...rest,
      messages: [...(rest.messages ?? []), ...messages],
    }),
    live,
  };
}

export function liveState(overrides: Partial<CustomerLiveState> = {}): CustomerLiveState {
  return { customer: {}, orders: [], recentPages: [], openTickets: [], ...overrides };
}

export function runContext(key: string = randomUUID()): ActionRunContext {
  return { tenantId: 'acme', idempotencyKey: key, signal: AbortSignal.timeout(10_000) };
}
