// The demo shop's retail actions: what they prefill from a ticket, and what running them does to the shop.
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectorError, type ActionDefinition } from '../actionDefinition.js';
import { DemoStoreClient } from '../../connectors/demoStore.js';
import { registerDemoStore } from '../../../demoStore/demoStoreApi.js';
import type { DemoStore } from '../../../demoStore/demoStoreState.js';
import { actionContext, liveState, runContext } from '../../../testing/actionContexts.js';
import { demoStoreActions } from './demoStore.js';

let app: FastifyInstance;
let store: DemoStore;
let actions: Map<string, ActionDefinition>;

beforeAll(async () => {
  app = Fastify({ logger: false });
  store = await registerDemoStore(app, { seed: 5 });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  actions = new Map(demoStoreActions(new DemoStoreClient({ baseUrl: `${address}/demo-store/api` })).map((a) => [a.name, a]));
});
afterAll(() => app.close());

const action = (name: string): ActionDefinition => {
  const found = actions.get(name);
  if (found === undefined) throw new Error(`no action ${name}`);
  return found;
};
/** Validates like the executor does, then runs. */
const run = async (name: string, args: unknown) => action(name).execute(action(name).argumentsSchema.parse(args), runContext());
const orders = () => store.listCustomers().flatMap((c) => store.ordersOf(c.id));

describe('demo store actions', () => {
  it('covers the retail tasks, with reads and confirmed writes', () => {
    expect([...actions.keys()]).toEqual([
      'demoStore.findCustomerByEmail',
      'demoStore.findCustomerByNameZip',
      'demoStore.getCustomer',
      'demoStore.getOrder',
      'demoStore.getProduct',
      'demoStore.cancelOrder',
      'demoStore.modifyOrderAddress',
      'demoStore.modifyOrderItems',
      'demoStore.returnItems',
      'demoStore.exchangeItems',
      'demoStore.modifyCustomerAddress',
      'demoStore.transferToHuman',
    ]);
    expect([...actions.values()].filter((a) => a.risk === 'read').map((a) => a.name)).toEqual([
      'demoStore.findCustomerByEmail',
      'demoStore.findCustomerByNameZip',
      'demoStore.getCustomer',
      'demoStore.getOrder',
      'demoStore.getProduct',
    ]);
    for (const a of actions.values()) expect(a.allowedRoles).toEqual(['agent', 'lead', 'admin']);
  });

  it('finds the requester by email and reports who it found', async () => {
    const customer = store.listCustomers()[1]!;
    const ctx = actionContext({ subject: 'Help', requester: { email: customer.email } });
    expect(action('demoStore.findCustomerByEmail').prefill(ctx)).toEqual({ email: customer.email });
    const outcome = await run('demoStore.findCustomerByEmail', { email: customer.email });
    expect(outcome.summary).toBe(`Found customer: ${customer.firstName} ${customer.lastName} (${customer.id})`);
    expect((await run('demoStore.findCustomerByEmail', { email: 'nobody@example.com' })).summary).toBe(
      'No customer found for email nobody@example.com',
    );
    expect(action('demoStore.findCustomerByEmail').prefill(actionContext({ subject: 'Help' }))).toBeUndefined();
  });

  it('prefills name and zip for the name lookup, and finds the customer', async () => {
    const customer = store.listCustomers()[2]!;
    const ctx = actionContext({
      subject: 'Lost access to my email',
      requester: { name: `${customer.firstName} ${customer.lastName}` },
      customerSays: `My zip is ${customer.address.zip}`,
    });
    const args = action('demoStore.findCustomerByNameZip').prefill(ctx);
    expect(args).toEqual({ firstName: customer.firstName, lastName: customer.lastName, zip: customer.address.zip });
    expect((await run('demoStore.findCustomerByNameZip', args)).output.customers).toContainEqual(
      expect.objectContaining({ id: customer.id }),
    );
  });

  it('offers the name and zip lookup to an unknown customer with no email, with what the ticket gives', () => {
    const lookup = action('demoStore.findCustomerByNameZip');
    expect(lookup.prefill(actionContext({ subject: 'Help', customerSays: 'My order never came' }))).toEqual({});
    expect(lookup.prefill(actionContext({ subject: 'Help', customerSays: 'I live in Portland, OR 97214' }))).toEqual({ zip: '97214' });
    expect(lookup.prefill(actionContext({ subject: 'Help', customerSays: 'My name is Mei Sato, zip code 97214' }))).toEqual({
      firstName: 'Mei',
      lastName: 'Sato',
      zip: '97214',
    });
    // An email to look up, or a customer already identified, leaves it to a named customer.
    expect(lookup.prefill(actionContext({ subject: 'Help', requester: { email: 'mei@example.com' } }))).toBeUndefined();
    expect(lookup.prefill(actionContext({ subject: 'Help' }, liveState({ customer: { externalId: 'cus_123456' } })))).toBeUndefined();
  });

  it('prefills the order id from the ticket, else the newest live order', () => {
    const getOrder = action('demoStore.getOrder');
    expect(getOrder.prefill(actionContext({ subject: 'Where is #W2378156?' }))).toEqual({ orderId: '#W2378156' });
    expect(
      getOrder.prefill(actionContext({ subject: 'Where is it?' }, liveState({ orders: [liveOrder('#W1111111', 'processed')] }))),
    ).toEqual({
      orderId: '#W1111111',
    });
    expect(getOrder.prefill(actionContext({ subject: 'Where is it?' }))).toBeUndefined();
  });

  it('reads an order and says its state', async () => {
    const order = orders().find((o) => o.status === 'processed')!;
    const outcome = await run('demoStore.getOrder', { orderId: `#${order.id}` });
    expect(outcome.summary).toMatch(new RegExp(`^Order #${order.id} is processed, \\d+\\.\\d\\d USD, ${order.items.length} item\\(s\\)$`));
  });

  it('prefills a cancel only when the customer asks to cancel an order that may still be pending', () => {
    const cancel = action('demoStore.cancelOrder');
    const asks = { subject: 'Order #W2378156', customerSays: 'Please cancel it, I ordered it by mistake' };
    expect(cancel.prefill(actionContext(asks))).toEqual({ orderId: '#W2378156', reason: 'ordered by mistake' });
    expect(cancel.prefill(actionContext({ ...asks, customerSays: 'Cancel please, I no longer need it' }))).toEqual({
      orderId: '#W2378156',
      reason: 'no longer needed',
    });
    expect(cancel.prefill(actionContext({ subject: 'Order #W2378156', customerSays: 'Where is it?' }))).toBeUndefined();
    // No order id in the ticket: still suggested, with the id left for the agent to fill in.
    expect(cancel.prefill(actionContext({ subject: 'Cancel please', customerSays: 'cancel my order' }))).toEqual({});
    expect(cancel.prefill(actionContext(asks, liveState({ orders: [liveOrder('#W2378156', 'delivered')] })))).toBeUndefined();
  });

  it.each([
    ['demoStore.cancelOrder', 'Please cancel my order, I no longer need it', { reason: 'no longer needed' }],
    ['demoStore.cancelOrder', 'Quiero cancelar mi pedido', {}],
    ['demoStore.cancelOrder', 'Bitte stornieren Sie meine Bestellung', {}],
    ['demoStore.cancelOrder', 'Je voudrais annuler ma commande', {}],
    ['demoStore.returnItems', 'I would like to return the lamp I received', {}],
    ['demoStore.returnItems', 'Quiero devolver las zapatillas', {}],
    ['demoStore.returnItems', 'Ich möchte die Schuhe zurückschicken', {}],
    ['demoStore.returnItems', 'Je souhaite retourner ce manteau', {}],
    ['demoStore.exchangeItems', 'Can I exchange the helmet for a medium?', {}],
    ['demoStore.exchangeItems', 'Necesito otra talla de la chaqueta', {}],
    ['demoStore.exchangeItems', 'Ich möchte die Jacke umtauschen', {}],
    ['demoStore.exchangeItems', "J'aimerais échanger la veste", {}],
    ['demoStore.modifyOrderItems', 'Please change the size of the jacket I just ordered to large', {}],
    ['demoStore.modifyOrderItems', 'Quiero cambiar el color de la mochila', {}],
    ['demoStore.modifyOrderItems', 'Ich möchte die Farbe der Tasche ändern', {}],
    ['demoStore.modifyOrderItems', 'Je veux changer la taille du pull', {}],
    ['demoStore.modifyOrderAddress', 'Please change the delivery address of my order', {}],
    ['demoStore.modifyOrderAddress', 'Quiero cambiar la dirección de envío de mi pedido', {}],
    ['demoStore.modifyOrderAddress', 'Bitte ändern Sie die Lieferadresse meiner Bestellung', {}],
    ['demoStore.modifyOrderAddress', "Je dois modifier l'adresse de livraison de ma commande", {}],
  ] as const)('suggests %s with a blank order id when asked without one: "%s"', (name, said, expected) => {
    const args = action(name).prefill(actionContext({ subject: 'Help', customerSays: said }));
    expect(args).toEqual(expected);
    // Incomplete on purpose: it cannot run until the agent fills in the order in the confirm dialog.
    expect(action(name).argumentsSchema.safeParse(args).success).toBe(false);
  });

  it('takes a passing mention without an order id for no request', () => {
    for (const [name, said] of [
      ['demoStore.cancelOrder', 'My order was cancelled yesterday, why?'],
      ['demoStore.cancelOrder', 'What is your cancellation policy?'],
      ['demoStore.returnItems', 'What is your return policy?'],
      ['demoStore.modifyOrderAddress', 'My email address is mei@example.com, where is my order?'],
      ['demoStore.modifyOrderAddress', 'Please change my address on my account'],
      ['demoStore.exchangeItems', 'What is the exchange rate for euros?'],
    ] as const) {
      expect(action(name).prefill(actionContext({ subject: 'Question', customerSays: said })), said).toBeUndefined();
    }
  });

  it('pre-fills the order from the live state when exactly one order is in a status the change applies to', () => {
    const ask = { subject: 'Help', customerSays: 'I want to return the shoes and cancel my other order' };
    const live = (...orders: ReturnType<typeof liveOrder>[]) =>
      actionContext(ask, liveState({ customer: { externalId: 'cus_123456' }, orders }));
    const one = live(liveOrder('W1111111', 'delivered'), liveOrder('#W2222222', 'pending'), liveOrder('#W3333333', 'cancelled'));
    expect(action('demoStore.returnItems').prefill(one)).toEqual({ orderId: '#W1111111' });
    expect(action('demoStore.cancelOrder').prefill(one)).toEqual({ orderId: '#W2222222' });
    // Two candidates, or none the shop would accept: the agent picks.
    const two = live(liveOrder('#W1111111', 'delivered'), liveOrder('#W4444444', 'delivered'));
    expect(action('demoStore.returnItems').prefill(two)).toEqual({});
    expect(action('demoStore.cancelOrder').prefill(two)).toEqual({});
  });

  it('cancels a pending order and refuses a delivered one with the shop’s reason', async () => {
    const pending = orders().find((o) => o.status === 'pending' && o.payments.some((p) => p.status === 'succeeded'))!;
    const outcome = await run('demoStore.cancelOrder', { orderId: pending.id, reason: 'no longer needed' });
    expect(outcome.summary).toMatch(new RegExp(`^Cancelled order #${pending.id} \\(no longer needed\\); \\d+\\.\\d\\d USD refunded`));
    expect(store.getOrder(pending.id).status).toBe('cancelled');

    const delivered = orders().find((o) => o.status === 'delivered')!;
    const error = await run('demoStore.cancelOrder', { orderId: delivered.id, reason: 'no longer needed' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error).toMatchObject({ code: 'REJECTED', status: 409 });
  });

  it('refuses malformed arguments before anything is sent', () => {
    const parse = (name: string, args: unknown) => action(name).argumentsSchema.safeParse(args).success;
    expect(parse('demoStore.cancelOrder', { orderId: '#W2378156', reason: 'because' })).toBe(false);
    expect(parse('demoStore.getOrder', { orderId: '1042' })).toBe(false);
    expect(
      parse('demoStore.exchangeItems', { orderId: '#W2378156', itemIds: ['1'], newItemIds: ['2', '3'], paymentMethodId: 'card_1' }),
    ).toBe(false);
    expect(
      parse('demoStore.modifyOrderAddress', { orderId: '#W2378156', address: { address1: 'x', city: 'y', state: 'OR', zip: '9' } }),
    ).toBe(false);
  });

  it('returns delivered items: prefill on a return request, then the shop records it', async () => {
    const delivered = orders().find((o) => o.status === 'delivered')!;
    const ctx = actionContext({ subject: `Return for #${delivered.id}`, customerSays: 'I would like to return the shoes' });
    expect(action('demoStore.returnItems').prefill(ctx)).toEqual({ orderId: `#${delivered.id}` });
    expect(action('demoStore.exchangeItems').prefill(ctx)).toBeUndefined();
    const paidWith = delivered.payments.find((p) => p.kind === 'payment' && p.status === 'succeeded')!.paymentMethodId;
    const outcome = await run('demoStore.returnItems', {
      orderId: delivered.id,
      itemIds: [delivered.items[0]!.itemId],
      paymentMethodId: paidWith,
    });
    expect(outcome.summary).toContain(`once they arrive`);
    expect(store.getOrder(delivered.id).status).toBe('return_requested');
  });

  it('exchanges a delivered item for another variant', async () => {
    const candidate = orders()
      .filter((o) => o.status === 'delivered')
      .flatMap((order) =>
        order.items.flatMap((item) => {
          const other = store.getProduct(item.productId).variants.find((v) => v.itemId !== item.itemId && v.inventory > 0);
          return other === undefined ? [] : [{ order, item, other }];
        }),
      )[0]!;
    const paidWith = candidate.order.payments.find((p) => p.kind === 'payment' && p.status === 'succeeded')!.paymentMethodId;
    const outcome = await run('demoStore.exchangeItems', {
      orderId: candidate.order.id,
      itemIds: [candidate.item.itemId],
      newItemIds: [candidate.other.itemId],
      paymentMethodId: paidWith,
    });
    expect(outcome.summary).toContain(`Exchange of 1 item(s) from order #${candidate.order.id} started`);
    expect(store.getOrder(candidate.order.id).exchangeRequest?.newItemIds).toEqual([candidate.other.itemId]);
  });

  it('changes a pending order’s address and a customer’s address', async () => {
    const pending = orders().find((o) => o.status === 'pending')!;
    const address = { address1: '7 Kiln Street', city: 'Boise', state: 'ID', zip: '83702' };
    const ctx = actionContext({ subject: `#${pending.id}`, customerSays: 'Please ship it to my office address instead' });
    expect(action('demoStore.modifyOrderAddress').prefill(ctx)).toEqual({ orderId: `#${pending.id}` });
    const changed = await run('demoStore.modifyOrderAddress', { orderId: pending.id, address });
    expect(changed.summary).toBe(`Order #${pending.id} now ships to 7 Kiln Street, Boise, ID 83702`);
    const customer = store.getCustomer(pending.customerId);
    const live = liveState({ customer: { email: customer.email, externalId: customer.id } });
    expect(action('demoStore.modifyCustomerAddress').prefill(actionContext({ subject: 'I moved' }, live))).toEqual({
      customerId: customer.id,
    });
    await run('demoStore.modifyCustomerAddress', { customerId: customer.id, address });
    expect(store.getCustomer(customer.id).address).toMatchObject({ address1: '7 Kiln Street', zip: '83702', address2: '', country: 'USA' });
  });

  it('hands over to a person when the customer asks for one', async () => {
    const transfer = action('demoStore.transferToHuman');
    expect(transfer.prefill(actionContext({ subject: 'Order #W2378156', customerSays: 'Where is it?' }))).toBeUndefined();
    const args = transfer.prefill(
      actionContext({ ticketId: 'T-7', subject: 'Order #W2378156', customerSays: 'I want to talk to a manager' }),
    );
    expect(args).toEqual({ summary: 'Order #W2378156 — I want to talk to a manager', ticketId: 'T-7', orderId: '#W2378156' });
    const outcome = await run('demoStore.transferToHuman', { summary: 'Wants a manager about a late delivery', ticketId: 'T-7' });
    expect(outcome.summary).toMatch(/^Handed over to a person \(handoff_\d{4}\)$/);
    expect(store.handoffs.at(-1)).toMatchObject({ summary: 'Wants a manager about a late delivery', ticketId: 'T-7' });
  });
});

function liveOrder(id: string, status: string) {
  return { id, status, total: 10, currency: 'USD', placedAt: '2025-04-01T00:00:00Z', items: [] };
}
