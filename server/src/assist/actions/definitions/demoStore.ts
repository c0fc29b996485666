/**
 * Retail actions on Tandem's demo shop: find a customer (by email, or by name and zip), read a
 * customer, order or product, and the changes a support agent makes — cancel or modify a pending
 * order, return or exchange delivered items, change a customer's address, hand the case to a
 * person. Reads and writes are open to every role; the shop itself refuses what its rules forbid.
 */
import { demoAddressSchema } from '@tandem/shared';
import { z } from 'zod';
import type { ActionContext, ActionDefinition, ActionOutcome } from '../actionDefinition.js';
import type { DemoStoreAddress, DemoStoreClient, DemoStoreOrder } from '../../connectors/demoStore.js';
import {
  EVERY_ROLE,
  INTENT,
  clip,
  customerEmail,
  customerName,
  defineAction,
  lastCustomerMessage,
  liveOrderStatus,
  mentionsOrder,
  ORDER_CHANGE,
  readTicket,
  type TicketClues,
} from './ticketClues.js';

const orderId = z
  .string()
  .trim()
  .regex(/^#?[Ww]\d{7}$/, 'an order id like #W1234567')
  .describe('The order id, e.g. #W1234567');
const customerId = z.string().trim().min(1).max(60).describe('The customer id from a customer lookup, e.g. cus_123456');
const itemIds = z.array(z.string().trim().min(1).max(40)).min(1).max(20);
const paymentMethodId = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .describe("One of the customer's payment method ids, e.g. card_1234567 or gift_card_1234567");
const address = demoAddressSchema.describe('The full new address');

const schemas = {
  findCustomerByEmail: z.object({ email: z.email().max(320).describe("The customer's email address") }),
  findCustomerByNameZip: z.object({
    firstName: z.string().trim().min(1).max(100),
    lastName: z.string().trim().min(1).max(100),
    zip: z
      .string()
      .trim()
      .regex(/^\d{5}$/, 'a 5-digit zip code')
      .describe("The zip code of the customer's address"),
  }),
  getCustomer: z.object({ customerId }),
  getOrder: z.object({ orderId }),
  getProduct: z.object({ productId: z.string().trim().min(1).max(60).describe('The product id, e.g. prod_123456') }),
  cancelOrder: z.object({
    orderId,
    reason: z.enum(['no longer needed', 'ordered by mistake']).describe('Why the customer cancels'),
  }),
  modifyOrderAddress: z.object({ orderId, address }),
  modifyOrderItems: z
    .object({
      orderId,
      itemIds: itemIds.describe('Item ids in the order to change'),
      newItemIds: itemIds.describe('For each item, the item id of the other variant of the same product it becomes'),
      paymentMethodId: paymentMethodId.describe('Pays or receives the price difference'),
    })
    .refine((a) => a.itemIds.length === a.newItemIds.length, {
      message: 'itemIds and newItemIds must have the same length',
      path: ['newItemIds'],
    }),
  returnItems: z.object({
    orderId,
    itemIds: itemIds.describe('Item ids in the order to return'),
    paymentMethodId: paymentMethodId.describe('Receives the refund: the original payment method or a gift card'),
  }),
  exchangeItems: z
    .object({
      orderId,
      itemIds: itemIds.describe('Item ids in the order to exchange'),
      newItemIds: itemIds.describe('For each item, the item id of the other variant of the same product to receive'),
      paymentMethodId: paymentMethodId.describe('Pays or receives the price difference'),
    })
    .refine((a) => a.itemIds.length === a.newItemIds.length, {
      message: 'itemIds and newItemIds must have the same length',
      path: ['newItemIds'],
    }),
  modifyCustomerAddress: z.object({ customerId, address }),
  transferToHuman: z.object({
    summary: z.string().trim().min(1).max(2_000).describe('What the customer needs and what was tried, for the person taking over'),
    customerId: customerId.optional(),
    orderId: orderId.optional(),
    ticketId: z.string().trim().min(1).max(200).optional(),
  }),
};

export function demoStoreActions(client: DemoStoreClient): ActionDefinition[] {
  return [
    defineAction({
      name: 'demoStore.findCustomerByEmail',
      title: 'Find customer by email',
      description: 'Looks up the shop customer with this email address and returns their customer id.',
      risk: 'read',
      identifiesCustomer: true,
      allowedRoles: EVERY_ROLE,
      argumentsSchema: schemas.findCustomerByEmail,
      prefill(context) {
        const email = customerEmail(context);
        return email === undefined ? undefined : { email };
      },
      async execute(args, run) {
        const customers = await client.findCustomersByEmail(args.email, run.signal);
        return customersFound(customers, `email ${args.email}`);
      },
    }),
    defineAction({
      name: 'demoStore.findCustomerByNameZip',
      title: 'Find customer by name and zip',
      description:
        "Looks up a shop customer by first name, last name and the zip code of their address, when the email is unknown or doesn't match.",
      risk: 'read',
      identifiesCustomer: true,
      allowedRoles: EVERY_ROLE,
      argumentsSchema: schemas.findCustomerByNameZip,
      prefill(context) {
        const clues = readTicket(context);
        const name = customerName(context, clues);
        const { zip } = clues;
        if (name === undefined) {
          // Without a name it still applies when it is the only way in: nobody identified and no email to look up.
          if (context.live?.customer.externalId !== undefined || customerEmail(context, clues) !== undefined) return undefined;
          return zip === undefined ? {} : { zip };
        }
        return zip === undefined ? name : { ...name, zip };
      },
      async execute(args, run) {
        const customers = await client.findCustomersByNameAndZip(args.firstName, args.lastName, args.zip, run.signal);
        return customersFound(customers, `${args.firstName} ${args.lastName} in ${args.zip}`);
      },
    }),
    defineAction({
      name: 'demoStore.getCustomer',
      title: 'Get customer details',
      description: "Returns a customer's profile: address, payment methods and order ids.",
      risk: 'read',
      allowedRoles: EVERY_ROLE,
      argumentsSchema: schemas.getCustomer,
      prefill(context) {
        const id = knownCustomerId(context);
        return id === undefined ? undefined : { customerId: id };
      },
      async execute(args, run) {
        const customer = await client.getCustomer(args.customerId, run.signal);
        return {
          summary: `${customer.first_name} ${customer.last_name} (${customer.id}), ${customer.order_ids.length} order(s), ${customer.payment_methods.length} payment method(s)`,
          output: { customer },
        };
      },
    }),
    defineAction({
      name: 'demoStore.getOrder',
      title: 'Get order details',
      description: 'Returns an order: status, items with item ids, payments, shipments and address.',
      risk: 'read',
      allowedRoles: EVERY_ROLE,
      argumentsSchema: schemas.getOrder,
      prefill(context) {
        const id = orderReference(readTicket(context)) ?? liveOrderReference(context);
        return id === undefined ? undefined : { orderId: id };
      },
      async execute(args, run) {
        const order = await client.getOrder(args.orderId, run.signal);
        return {
          summary: `Order ${order.name} is ${statusText(order)}, ${money(order.total, order.currency)}, ${order.items.length} item(s)`,
          output: { order },
        };
      },
    }),
    defineAction({
      name: 'demoStore.getProduct',
      title: 'Get product details',
      description: 'Returns a product and its variants (item ids, options, price, stock), e.g. to find the variant for an exchange.',
      risk: 'read',
      allowedRoles: EVERY_ROLE,
      argumentsSchema: schemas.getProduct,
      prefill(context) {
        const id = /\bprod_\d{6}\b/.exec(readTicket(context).text)?.[0];
        return id === undefined ? undefined : { productId: id };
      },
      async execute(args, run) {
        const product = await client.getProduct(args.productId, run.signal);
        const available = product.variants.filter((v) => v.available).length;
        return { summary: `${product.name}: ${available} of ${product.variants.length} variants in stock`, output: { product } };
      },
    }),
    defineAction({
      name: 'demoStore.cancelOrder',
      title: 'Cancel pending order',
      description:
        'Cancels a pending order and refunds its payments to the original payment methods. Only pending orders can be cancelled.',
      risk: 'write',
      allowedRoles: EVERY_ROLE,
      argumentsSchema: schemas.cancelOrder,
      prefill(context) {
        const clues = readTicket(context);
        const target = orderToChange(context, clues, 'cancel', 'pending');
        if (target === undefined) return undefined;
        const reason: 'ordered by mistake' | 'no longer needed' | undefined = /by mistake|accident|wrong order|didn'?t mean/i.test(
          clues.customerText,
        )
          ? 'ordered by mistake'
          : /no longer need|don'?t need|not needed|changed my mind/i.test(clues.customerText)
            ? 'no longer needed'
            : undefined;
        return reason === undefined ? target : { ...target, reason };
      },
      async execute(args, run) {
        const order = await client.cancelOrder(args.orderId, args.reason, run);
        const refunded = order.payments
          .filter((p) => p.kind === 'refund' && p.status === 'succeeded')
          .reduce((sum, p) => sum + p.amount, 0);
        return {
          summary: `Cancelled order ${order.name} (${args.reason})${refunded > 0 ? `; ${money(refunded, order.currency)} refunded to the original payment method` : ''}`,
          output: { order },
        };
      },
    }),
    defineAction({
      name: 'demoStore.modifyOrderAddress',
      title: 'Change pending order address',
      description: 'Changes the shipping address of a pending order. Orders already shipped cannot be redirected.',
      risk: 'write',
      allowedRoles: EVERY_ROLE,
      argumentsSchema: schemas.modifyOrderAddress,
      prefill(context) {
        return orderToChange(context, readTicket(context), 'address', 'pending');
      },
      async execute(args, run) {
        const order = await client.modifyOrderAddress(args.orderId, toAddress(args.address), run);
        return { summary: `Order ${order.name} now ships to ${oneLine(order.address)}`, output: { order } };
      },
    }),
    defineAction({
      name: 'demoStore.modifyOrderItems',
      title: 'Change items of pending order',
      description:
        'Swaps items of a pending order for other in-stock variants of the same products (e.g. another size), charging or refunding the price difference.',
      risk: 'write',
      allowedRoles: EVERY_ROLE,
      argumentsSchema: schemas.modifyOrderItems,
      prefill(context) {
        return orderToChange(context, readTicket(context), 'changeItems', 'pending');
      },
      async execute(args, run) {
        const order = await client.modifyOrderItems(args.orderId, args, run);
        return { summary: `Changed ${args.itemIds.length} item(s) of order ${order.name}${differenceText(order)}`, output: { order } };
      },
    }),
    defineAction({
      name: 'demoStore.returnItems',
      title: 'Return delivered items',
      description:
        'Starts a return of items from a delivered order; the refund goes to the original payment method or a gift card. Only delivered orders can be returned.',
      risk: 'write',
      allowedRoles: EVERY_ROLE,
      argumentsSchema: schemas.returnItems,
      prefill(context) {
        return orderToChange(context, readTicket(context), 'return', 'delivered');
      },
      async execute(args, run) {
        const order = await client.returnItems(args.orderId, args, run);
        const refund = order.return_request?.refund_amount ?? 0;
        return {
          summary: `Return of ${args.itemIds.length} item(s) from order ${order.name} started; ${money(refund, order.currency)} will be refunded to ${args.paymentMethodId} once they arrive`,
          output: { order },
        };
      },
    }),
    defineAction({
      name: 'demoStore.exchangeItems',
      title: 'Exchange delivered items',
      description:
        'Exchanges items of a delivered order for other in-stock variants of the same products, charging or refunding the price difference. Only delivered orders can be exchanged.',
      risk: 'write',
      allowedRoles: EVERY_ROLE,
      argumentsSchema: schemas.exchangeItems,
      prefill(context) {
        return orderToChange(context, readTicket(context), 'exchange', 'delivered');
      },
      async execute(args, run) {
        const order = await client.exchangeItems(args.orderId, args, run);
        const difference = order.exchange_request?.price_difference ?? 0;
        const settled =
          difference === 0
            ? ''
            : difference > 0
              ? `; ${money(difference, order.currency)} charged`
              : `; ${money(-difference, order.currency)} refunded`;
        return { summary: `Exchange of ${args.itemIds.length} item(s) from order ${order.name} started${settled}`, output: { order } };
      },
    }),
    defineAction({
      name: 'demoStore.modifyCustomerAddress',
      title: "Change customer's address",
      description: "Changes the customer's default address (not the address of orders already placed).",
      risk: 'write',
      allowedRoles: EVERY_ROLE,
      argumentsSchema: schemas.modifyCustomerAddress,
      prefill(context) {
        const clues = readTicket(context);
        const id = knownCustomerId(context);
        if (!INTENT.address.test(clues.customerText)) return undefined;
        return id === undefined ? {} : { customerId: id };
      },
      async execute(args, run) {
        const customer = await client.modifyCustomerAddress(args.customerId, toAddress(args.address), run);
        return {
          summary: `${customer.first_name} ${customer.last_name}'s address is now ${oneLine(customer.address)}`,
          output: { customer },
        };
      },
    }),
    defineAction({
      name: 'demoStore.transferToHuman',
      title: 'Transfer to a human',
      description: 'Hands the case to a human specialist with a summary note, when the request is outside what these actions can do.',
      risk: 'write',
      allowedRoles: EVERY_ROLE,
      argumentsSchema: schemas.transferToHuman,
      prefill(context) {
        const clues = readTicket(context);
        if (!INTENT.human.test(clues.customerText)) return undefined;
        const last = lastCustomerMessage(context);
        const id = orderReference(clues);
        const customer = knownCustomerId(context);
        return {
          summary: clip(`${context.ticket.subject}${last === undefined ? '' : ` — ${last}`}`, 2_000),
          ticketId: context.ticket.ticketId,
          ...(id === undefined ? {} : { orderId: id }),
          ...(customer === undefined ? {} : { customerId: customer }),
        };
      },
      async execute(args, run) {
        const handoff = await client.createHandoff(args, run);
        return { summary: `Handed over to a person (${handoff.id})`, output: { handoff } };
      },
    }),
  ];
}

function orderReference(clues: TicketClues): string | undefined {
  const id = clues.storeOrderIds[0];
  return id === undefined ? undefined : `#${id}`;
}

/** The most recent order in the live state, when the ticket names none. */
function liveOrderReference(context: ActionContext): string | undefined {
  const id = context.live?.orders[0]?.id;
  return id === undefined ? undefined : storeOrderId(id);
}

/** A live order id as the shop's actions take it (`#W1234567`); other shops' ids are not this shop's orders. */
function storeOrderId(id: string): string | undefined {
  return /^#?W\d{7}$/i.test(id) ? `#${id.replace(/^#/, '').toUpperCase()}` : undefined;
}

/**
 * The order a change is for, or undefined when the change does not apply. With an order id in the
 * ticket, the looser request words suffice (unless the live state says the order is in another
 * status). Without one, only a clear request counts, and the id is what the live state pins down —
 * the identified customer's single order in a status the change accepts — or left blank for the
 * agent to fill in the confirm dialog: the suggestion then fails its schema and cannot run before.
 */
function orderToChange(
  context: ActionContext,
  clues: TicketClues,
  change: keyof typeof ORDER_CHANGE,
  status: 'pending' | 'delivered',
): { orderId?: string } | undefined {
  const said = clues.customerText;
  // "Change the address" alone may mean the account's default address, which modifyCustomerAddress covers.
  const clear = ORDER_CHANGE[change].test(said) && (change !== 'address' || mentionsOrder(said));
  const id = orderReference(clues);
  if (id !== undefined) return (clear || INTENT[change].test(said)) && mayBe(context, id, status) ? { orderId: id } : undefined;
  if (!clear) return undefined;
  const candidates = (context.live?.orders ?? []).filter((o) => o.status.toLowerCase() === status).flatMap((o) => storeOrderId(o.id) ?? []);
  return candidates.length === 1 ? { orderId: candidates[0] } : {};
}

/** False only when the live state says the order is in another state; unknown means maybe. */
function mayBe(context: ActionContext, orderId: string, status: 'pending' | 'delivered'): boolean {
  const known = liveOrderStatus(context, orderId);
  return known === undefined || known === status;
}

function knownCustomerId(context: ActionContext): string | undefined {
  const live = context.live?.customer.externalId;
  if (live !== undefined && /^cus_\d{6}$/.test(live)) return live;
  return /\bcus_\d{6}\b/.exec(readTicket(context).text)?.[0];
}

function customersFound(customers: { id: string; first_name: string; last_name: string }[], what: string): ActionOutcome {
  if (customers.length === 0) return { summary: `No customer found for ${what}`, output: { customers } };
  const names = customers.map((c) => `${c.first_name} ${c.last_name} (${c.id})`).join(', ');
  return { summary: `Found ${customers.length === 1 ? 'customer' : `${customers.length} customers`}: ${names}`, output: { customers } };
}

function toAddress(a: z.infer<typeof address>): DemoStoreAddress {
  return { address1: a.address1, address2: a.address2, city: a.city, state: a.state, zip: a.zip, country: a.country };
}

function oneLine(a: DemoStoreAddress): string {
  return [a.address1, a.address2, `${a.city}, ${a.state} ${a.zip}`].filter((p) => p !== '').join(', ');
}

function statusText(order: DemoStoreOrder): string {
  const status = order.status.replace(/_/g, ' ');
  return order.payment_status === 'failed' ? `${status} (payment failed)` : status;
}

function money(amount: number, currency: string): string {
  return `${amount.toFixed(2)} ${currency}`;
}

/** The charge or refund this change added, found as the payment entry made last. */
function differenceText(order: DemoStoreOrder): string {
  const last = order.payments.at(-1);
  if (last === undefined || last.created_at !== order.updated_at) return '';
  return last.kind === 'payment' ? `; ${money(last.amount, order.currency)} charged` : `; ${money(last.amount, order.currency)} refunded`;
}
