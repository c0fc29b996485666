/**
 * What an action is: a name, a zod argument schema, a risk level, the roles allowed to run it,
 * how its arguments are pre-filled from the ticket and live state, and how it runs. Write actions
 * only ever run through `actions.execute` with a person's confirmation.
 */
import type { ActionRisk, CustomerLiveState, Role, TicketContext } from '@tandem/shared';
import type { z } from 'zod';

export interface ActionContext {
  tenantId: string;
  ticket: TicketContext;
  live?: CustomerLiveState | undefined;
}

export interface ActionRunContext {
  tenantId: string;
  /** Sent to the upstream service where it supports one (Shopify, generic HTTP), so a retry never repeats an effect. */
  idempotencyKey: string;
  signal: AbortSignal;
}

export interface ActionOutcome {
  /** One line for the agent ("Refunded 25.00 EUR on order #1042"). */
  summary: string;
  output: Record<string, unknown>;
}

export interface ActionDefinition<Schema extends z.ZodType<Record<string, unknown>> = z.ZodType<Record<string, unknown>>> {
  /** Registry name, `<connector>.<verb>`, e.g. `shopify.refundOrder`. */
  name: string;
  title: string;
  /** For the model's tool description and the agent's confirm dialog. */
  description: string;
  risk: ActionRisk;
  /** Finds who the customer is (by email, name and zip…): suggested first while nobody is identified. */
  identifiesCustomer?: boolean;
  allowedRoles: readonly Role[];
  argumentsSchema: Schema;
  /** Arguments known from the ticket and live state; undefined when the action does not apply. */
  prefill(context: ActionContext): Partial<z.infer<Schema>> | undefined;
  execute(args: z.infer<Schema>, context: ActionRunContext): Promise<ActionOutcome>;
}

export class ConnectorError extends Error {
  constructor(
    readonly code: 'NOT_CONFIGURED' | 'UPSTREAM_FAILED' | 'NOT_FOUND' | 'REJECTED' | 'TIMEOUT',
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'ConnectorError';
  }
}
