/**
 * Shopify actions: look up orders, and refund an order. Refunds are split by size, because
 * allowed roles are fixed per action while risk grows with the amount: `shopify.refundOrder` lets
 * any agent refund up to the configured limit (100 in the shop's currency by default), and
 * `shopify.refundOrderAboveLimit` takes any amount but only from a lead or an admin.
 */
import { z } from 'zod';
import { ConnectorError, type ActionContext, type ActionDefinition } from '../actionDefinition.js';
import { summarizeShopifyOrder, type ShopifyAdminClient } from '../../connectors/shopifyAdmin.js';
import { EVERY_ROLE, INTENT, LEADS_AND_ADMINS, customerEmail, defineAction, readTicket } from './ticketClues.js';

export interface ShopifyActionOptions {
  /** The largest refund an agent may make alone, in the order's currency. */
  agentRefundLimit?: number;
}

export const DEFAULT_AGENT_REFUND_LIMIT = 100;

const orderIdField = z
  .string()
  .trim()
  .regex(/^\d{1,20}$/, "Shopify's numeric order id")
  .describe("Shopify's internal order id (a long number), when known");
const orderNumberField = z
  .string()
  .trim()
  .regex(/^#?\d{1,12}$/, 'an order number like #1042')
  .describe('The order number the customer sees, e.g. #1042');

const lookupSchema = z
  .object({
    orderId: orderIdField.optional(),
    orderNumber: orderNumberField.optional(),
    email: z.email().max(320).optional().describe("The customer's email, to list their recent orders"),
  })
  .refine((a) => a.orderId !== undefined || a.orderNumber !== undefined || a.email !== undefined, {
    message: 'give an order id, an order number or an email',
  });

function refundSchema(maxAmount: number | undefined) {
  const amount = z.number().positive().multipleOf(0.01).describe("The amount to refund, in the order's currency");
  return z
    .object({
      orderId: orderIdField.optional(),
      orderNumber: orderNumberField.optional(),
      amount: maxAmount === undefined ? amount : amount.max(maxAmount, `agents refund at most ${maxAmount}; a lead or admin refunds more`),
      currency: z
        .string()
        .trim()
        .regex(/^[A-Za-z]{3}$/)
        .optional()
        .describe("ISO 4217 code; must be the order's currency"),
      reason: z.string().trim().min(1).max(500).describe('Why the money is refunded; stored on the refund'),
      notifyCustomer: z.boolean().default(false).describe('Whether Shopify emails the customer about the refund'),
      lineItems: z
        .array(z.object({ lineItemId: z.string().regex(/^\d+$/), quantity: z.number().int().min(1) }))
        .max(50)
        .optional()
        .describe('Line items the refund is for, when it is for specific items'),
      restock: z.boolean().default(false).describe('Whether refunded line items go back into stock'),
    })
    .refine((a) => a.orderId !== undefined || a.orderNumber !== undefined, { message: 'give an order id or an order number' });
}

export function shopifyActions(client: ShopifyAdminClient, options: ShopifyActionOptions = {}): ActionDefinition[] {
  const limit = options.agentRefundLimit ?? DEFAULT_AGENT_REFUND_LIMIT;

  const resolveOrderId = async (
    args: { orderId?: string | undefined; orderNumber?: string | undefined },
    signal: AbortSignal,
  ): Promise<number> => {
    if (args.orderId !== undefined) return Number(args.orderId);
    const name = `#${(args.orderNumber ?? '').replace(/^#/, '')}`;
    const [order] = (await client.findOrdersByName(name, signal)).filter((o) => o.name === name);
    if (order === undefined) throw new ConnectorError('NOT_FOUND', `Shopify has no order ${name}`);
    return order.id;
  };

  const refund = (name: string, title: string, maxAmount: number | undefined, allowedRoles: typeof EVERY_ROLE, description: string) =>
    defineAction({
      name,
      title,
      description,
      risk: 'write',
      allowedRoles,
      argumentsSchema: refundSchema(maxAmount),
      prefill(context) {
        const clues = readTicket(context);
        const orderNumber = orderNumberIn(context);
        if (orderNumber === undefined || !INTENT.refund.test(clues.customerText)) return undefined;
        return { orderNumber };
      },
      async execute(args, run) {
        const orderId = await resolveOrderId(args, run.signal);
        const result = await client.refundOrder(
          {
            orderId,
            amount: args.amount,
            currency: args.currency,
            reason: args.reason,
            notifyCustomer: args.notifyCustomer,
            restock: args.restock,
            lines: args.lineItems?.map((l) => ({ lineItemId: Number(l.lineItemId), quantity: l.quantity })),
          },
          run,
        );
        const refunded =
          result.refund.transactions.filter((t) => t.kind === 'refund').reduce((sum, t) => sum + Math.round(t.amount * 100), 0) / 100;
        const already = result.replayed ? ' (already done earlier with this confirmation; nothing new refunded)' : '';
        return {
          summary: `Refunded ${refunded.toFixed(2)} ${result.order.currency} on order ${result.order.name}${already}`,
          output: {
            refundId: String(result.refund.id),
            orderId: String(result.order.id),
            orderName: result.order.name,
            amount: refunded,
            currency: result.order.currency,
            replayed: result.replayed,
          },
        };
      },
    });

  return [
    defineAction({
      name: 'shopify.lookupOrder',
      title: 'Look up Shopify order',
      description: 'Finds a Shopify order by its number (#1042) or id, or lists the recent orders of an email address.',
      risk: 'read',
      allowedRoles: EVERY_ROLE,
      argumentsSchema: lookupSchema,
      prefill(context) {
        const orderNumber = orderNumberIn(context);
        const email = customerEmail(context);
        if (orderNumber !== undefined) return { orderNumber };
        return email === undefined ? undefined : { email };
      },
      async execute(args, run) {
        const orders =
          args.orderId !== undefined
            ? [await client.getOrder(Number(args.orderId), run.signal)]
            : args.orderNumber !== undefined
              ? await client.findOrdersByName(args.orderNumber, run.signal)
              : await client.findOrdersByEmail(args.email ?? '', run.signal);
        const summaries = orders.map(summarizeShopifyOrder);
        const first = summaries[0];
        const summary =
          first === undefined
            ? `No Shopify order found for ${args.orderNumber ?? args.email ?? args.orderId ?? ''}`
            : summaries.length === 1
              ? `Order ${first.name}: ${first.total.toFixed(2)} ${first.currency}, ${first.financialStatus ?? 'unknown payment'}, ${first.fulfillmentStatus ?? 'unfulfilled'}${first.cancelled ? ', cancelled' : ''}`
              : `${summaries.length} orders: ${summaries.map((s) => s.name).join(', ')}`;
        return { summary, output: { orders: summaries } };
      },
    }),
    refund(
      'shopify.refundOrder',
      'Refund Shopify order',
      limit,
      EVERY_ROLE,
      `Refunds up to ${limit} (order currency) of a Shopify order through its original payment. Larger refunds need a lead: shopify.refundOrderAboveLimit.`,
    ),
    refund(
      'shopify.refundOrderAboveLimit',
      'Refund Shopify order (above agent limit)',
      undefined,
      LEADS_AND_ADMINS,
      `Refunds any amount of a Shopify order through its original payment; for amounts above the agents' limit of ${limit}. Leads and admins only.`,
    ),
  ];
}

/** `#1042`, `order 1042`; not the demo shop's `#W…` ids. */
function orderNumberIn(context: ActionContext): string | undefined {
  const number = readTicket(context).orderNumbers[0];
  return number === undefined ? undefined : `#${number}`;
}
