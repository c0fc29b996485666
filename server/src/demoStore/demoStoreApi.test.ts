// The demo shop API enforces a real shop's rules over HTTP and announces every change.
import type { LiveEvent } from '@tandem/shared';
import { httpStatusOf, liveEventSchema, tandemErrorSchema } from '@tandem/shared';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerDemoStore } from './demoStoreApi.js';
import { generateDemoStoreData, type DemoOrder } from './demoStoreData.js';
import { DemoStore } from './demoStoreState.js';

const PREFIX = '/demo-store/api';
const NOW = new Date('2025-05-02T09:00:00Z');

let app: FastifyInstance;
let store: DemoStore;
let events: LiveEvent[];

beforeEach(async () => {
  app = Fastify({ logger: false });
  store = new DemoStore(generateDemoStoreData(), { now: () => NOW });
  events = [];
  store.onChange((event) => events.push(event));
  await registerDemoStore(app, { store });
  await app.ready();
});
afterEach(() => app.close());

type Json = Record<string, unknown>;
async function call(method: 'GET' | 'POST' | 'PATCH', path: string, payload?: unknown, headers: Record<string, string> = {}) {
  const response = await app.inject({ method, url: `${PREFIX}${path}`, payload: payload as Json | undefined, headers });
  return { status: response.statusCode, body: response.json<Json>(), headers: response.headers };
}

const orderWith = (status: DemoOrder['status']): DemoOrder => {
  const order = store
    .listCustomers()
    .flatMap((c) => store.ordersOf(c.id))
    .find((o) => o.status === status);
  if (order === undefined) throw new Error(`the demo data has no ${status} order`);
  return order;
};
/** A delivered order with an item whose product has another variant in stock. */
const exchangeable = (): { order: DemoOrder; itemId: string; newItemId: string } => {
  for (const order of store.listCustomers().flatMap((c) => store.ordersOf(c.id))) {
    if (order.status !== 'delivered') continue;
    for (const item of order.items) {
      const other = store.getProduct(item.productId).variants.find((v) => v.itemId !== item.itemId && v.inventory > 0);
      if (other !== undefined) return { order, itemId: item.itemId, newItemId: other.itemId };
    }
  }
  throw new Error('no exchangeable order');
};
const paidWith = (order: DemoOrder): string =>
  order.payments.find((p) => p.kind === 'payment' && p.status === 'succeeded')?.paymentMethodId ?? '';
const address = { address1: '41 Lantern Yard', address2: 'Unit 3', city: 'Portland', state: 'OR', zip: '97214', country: 'USA' };

describe('demo store lookups', () => {
  it('finds a customer by email and by name + zip', async () => {
    const customer = store.listCustomers()[3]!;
    const byEmail = await call('GET', `/customers?email=${encodeURIComponent(customer.email.toUpperCase())}`);
    expect(byEmail.status).toBe(200);
    expect(byEmail.body.customers).toEqual([
      { id: customer.id, first_name: customer.firstName, last_name: customer.lastName, email: customer.email },
    ]);
    const byName = await call(
      'GET',
      `/customers?first_name=${encodeURIComponent(customer.firstName.toLowerCase())}&last_name=${encodeURIComponent(customer.lastName)}&zip=${customer.address.zip}`,
    );
    expect((byName.body.customers as Json[]).map((c) => c.id)).toContain(customer.id);
    expect((await call('GET', '/customers?email=nobody%40example.com')).body).toEqual({ customers: [] });
  });

  it('answers 400 for a search without email or name + zip', async () => {
    const response = await call('GET', '/customers?first_name=Ada');
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: { code: 'BAD_REQUEST' } });
  });

  it('returns a customer, their orders, an order by #id, and a product', async () => {
    const customer = store.listCustomers()[0]!;
    const details = await call('GET', `/customers/${customer.id}`);
    expect(details.body.customer).toMatchObject({ id: customer.id, address: customer.address, order_ids: customer.orderIds });
    const orders = await call('GET', `/customers/${customer.id}/orders`);
    expect((orders.body.orders as Json[]).map((o) => o.id)).toEqual(customer.orderIds);
    const orderId = customer.orderIds[0]!;
    const order = await call('GET', `/orders/${encodeURIComponent(`#${orderId}`)}`);
    expect(order.body.order).toMatchObject({ id: orderId, name: `#${orderId}`, currency: 'USD' });
    const productId = (order.body.order as { items: Json[] }).items[0]?.product_id as string;
    const product = await call('GET', `/products/${productId}`);
    expect(product.body.product).toMatchObject({ id: productId });
  });

  it('answers 404 with a clear error for unknown records and routes', async () => {
    expect(await call('GET', '/orders/W0000000')).toMatchObject({
      status: 404,
      body: { error: { code: 'NOT_FOUND', message: 'No order #W0000000' } },
    });
    expect((await call('GET', '/customers/cus_none')).status).toBe(404);
    expect((await call('GET', '/nothing-here')).status).toBe(404);
  });
});

describe('demo store errors', () => {
  it.each([
    ['a bad search', () => call('GET', '/customers?first_name=Ada'), 400],
    ['an unknown order', () => call('GET', '/orders/W0000000'), 404],
    ['an unknown route', () => call('GET', '/nothing-here'), 404],
    ['a refused change', () => call('POST', `/orders/${orderWith('delivered').id}/cancel`, { reason: 'no longer needed' }), 409],
  ])('answers %s with the shared error shape in an error envelope, its status following its code', async (_name, request, status) => {
    const response = await request();
    expect(response.status).toBe(status);
    expect(Object.keys(response.body)).toEqual(['error']);
    const error = tandemErrorSchema.strict().parse(response.body.error);
    expect(error.requestId).toBe('req-1');
    expect(httpStatusOf(error.code)).toBe(status);
  });

  it('says which fields of a body are wrong', async () => {
    const response = await call('POST', `/orders/${orderWith('pending').id}/cancel`, { reason: 'changed my mind', refund: 'double' });
    const error = tandemErrorSchema.parse(response.body.error);
    expect(error).toMatchObject({ code: 'BAD_REQUEST', message: 'The request is not valid' });
    expect(error.issues?.fieldErrors.reason).toHaveLength(1);
    expect(error.issues?.formErrors.join(' ')).toMatch(/refund/);
  });
});

describe('demo store rules', () => {
  it('cancels a pending order: status, refund, restock and events', async () => {
    const order = orderWith('pending');
    const paid = order.payments.filter((p) => p.kind === 'payment' && p.status === 'succeeded').reduce((s, p) => s + p.amount, 0);
    const firstItem = order.items[0]!;
    const stockBefore = store.getProduct(firstItem.productId).variants.find((v) => v.itemId === firstItem.itemId)!.inventory;
    const response = await call('POST', `/orders/${order.id}/cancel`, { reason: 'ordered by mistake' });
    expect(response.status).toBe(200);
    expect(response.body.order).toMatchObject({ status: 'cancelled', cancel_reason: 'ordered by mistake', updated_at: NOW.toISOString() });
    const refunds = (response.body.order as { payments: Json[] }).payments.filter((p) => p.kind === 'refund');
    expect(refunds.reduce((s, p) => s + (p.amount as number), 0)).toBeCloseTo(paid, 2);
    expect(store.getProduct(firstItem.productId).variants.find((v) => v.itemId === firstItem.itemId)!.inventory).toBe(stockBefore + 1);
    const orderEvent = events.find((e) => e.type === 'order.updated');
    expect(orderEvent).toMatchObject({ data: { orderId: order.id, status: 'cancelled' }, customer: { externalId: order.customerId } });
    expect(events.some((e) => e.type === 'inventory.changed')).toBe(true);
    for (const e of events) expect(liveEventSchema.safeParse(e).success).toBe(true);
  });

  it('refuses to cancel a delivered order with 409 and changes nothing', async () => {
    const order = orderWith('delivered');
    const response = await call('POST', `/orders/${order.id}/cancel`, { reason: 'no longer needed' });
    expect(response.status).toBe(409);
    expect(response.body).toEqual({
      error: { code: 'CONFLICT', message: `Order #${order.id} is delivered; only pending orders can be cancelled`, requestId: 'req-1' },
    });
    expect(store.getOrder(order.id).status).toBe('delivered');
    expect(events).toEqual([]);
  });

  it.each([
    ['an unknown reason', { reason: 'changed my mind' }],
    ['an extra field', { reason: 'no longer needed', refund: 'double' }],
    ['no body', undefined],
  ])('answers 400 for a cancel with %s', async (_, body) => {
    const response = await call('POST', `/orders/${orderWith('pending').id}/cancel`, body);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: { code: 'BAD_REQUEST' } });
  });

  it('answers 400 in the API’s own shape for a body that is not JSON', async () => {
    const response = await app.inject({
      method: 'POST',
      url: `${PREFIX}/orders/${orderWith('pending').id}/cancel`,
      payload: '{"reason": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'BAD_REQUEST' } });
  });

  it('returns delivered items: the order becomes return_requested and a second return is refused', async () => {
    const order = orderWith('delivered');
    const itemId = order.items[0]!.itemId;
    const response = await call('POST', `/orders/${order.id}/return`, { item_ids: [itemId], payment_method_id: paidWith(order) });
    expect(response.status).toBe(200);
    expect(response.body.order).toMatchObject({
      status: 'return_requested',
      return_request: { item_ids: [itemId], payment_method_id: paidWith(order), refund_amount: order.items[0]!.price },
    });
    expect(store.getOrder(order.id).status).toBe('return_requested');
    const again = await call('POST', `/orders/${order.id}/return`, { item_ids: [itemId], payment_method_id: paidWith(order) });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: { code: 'CONFLICT', message: expect.stringMatching(/only delivered orders can/) } });
  });

  it('refuses a return of a pending order (409), of an item not in the order and to a card the order was not paid with (422)', async () => {
    const pending = orderWith('pending');
    expect(
      (await call('POST', `/orders/${pending.id}/return`, { item_ids: [pending.items[0]!.itemId], payment_method_id: 'x' })).status,
    ).toBe(409);
    const order = orderWith('delivered');
    const wrongItem = await call('POST', `/orders/${order.id}/return`, { item_ids: ['1111111111'], payment_method_id: paidWith(order) });
    expect(wrongItem).toMatchObject({
      status: 422,
      body: { error: { code: 'UNPROCESSABLE_CONTENT', message: expect.stringMatching(/is not in order/) } },
    });
    const foreign = await call('POST', `/orders/${order.id}/return`, {
      item_ids: [order.items[0]!.itemId],
      payment_method_id: 'card_0000000',
    });
    expect(foreign).toMatchObject({
      status: 422,
      body: {
        error: {
          code: 'UNPROCESSABLE_CONTENT',
          message: expect.stringMatching(/^Payment method card_0000000 does not belong to customer/),
        },
      },
    });
  });

  it('exchanges a delivered item for another variant of the same product, and refuses another product', async () => {
    const { order, itemId, newItemId } = exchangeable();
    const otherProductItem = store.listProducts().find((p) => p.id !== order.items[0]!.productId)!.variants[0]!.itemId;
    const refused = await call('POST', `/orders/${order.id}/exchange`, {
      item_ids: [itemId],
      new_item_ids: [otherProductItem],
      payment_method_id: paidWith(order),
    });
    expect(refused).toMatchObject({
      status: 422,
      body: { error: { code: 'UNPROCESSABLE_CONTENT', message: expect.stringMatching(/can only become another variant of itself/) } },
    });
    const response = await call('POST', `/orders/${order.id}/exchange`, {
      item_ids: [itemId],
      new_item_ids: [newItemId],
      payment_method_id: paidWith(order),
    });
    expect(response.status).toBe(200);
    expect(response.body.order).toMatchObject({
      status: 'exchange_requested',
      exchange_request: { item_ids: [itemId], new_item_ids: [newItemId] },
    });
  });

  it('answers 400 when item_ids and new_item_ids differ in length', async () => {
    const { order, itemId } = exchangeable();
    const response = await call('POST', `/orders/${order.id}/exchange`, {
      item_ids: [itemId],
      new_item_ids: [],
      payment_method_id: paidWith(order),
    });
    expect(response.status).toBe(400);
  });

  it('swaps an item of a pending order for another variant, settling the price difference; a poor gift card is refused', async () => {
    const candidates = store
      .listCustomers()
      .flatMap((c) => store.ordersOf(c.id))
      .filter((o) => o.status === 'pending')
      .flatMap((order) =>
        order.items.flatMap((item) =>
          store
            .getProduct(item.productId)
            .variants.filter((v) => v.itemId !== item.itemId && v.inventory > 0)
            .map((v) => ({ order, item, variant: v })),
        ),
      );
    const { order, item, variant } = candidates[0]!;
    const customer = store.getCustomer(order.customerId);
    const card = customer.paymentMethods.find((m) => m.type === 'card')!;
    const response = await call('POST', `/orders/${order.id}/modify-items`, {
      item_ids: [item.itemId],
      new_item_ids: [variant.itemId],
      payment_method_id: card.id,
    });
    expect(response.status).toBe(200);
    const items = (response.body.order as { items: Json[] }).items;
    expect(items.map((i) => i.item_id)).toContain(variant.itemId);
    expect(items.map((i) => i.item_id)).not.toContain(item.itemId);
    const difference = Math.round((variant.price - item.price) * 100) / 100;
    expect(difference).not.toBe(0);
    const last = (response.body.order as { payments: Json[] }).payments.at(-1);
    expect(last).toMatchObject({ kind: difference > 0 ? 'payment' : 'refund', amount: Math.abs(difference), payment_method_id: card.id });

    const pricier = candidates.find((c) => c.variant.price > c.item.price && c.order.id !== order.id)!;
    // An empty gift card, added the way the shop would store it.
    store.getCustomer(pricier.order.customerId).paymentMethods.push({ id: 'gift_card_empty01', type: 'gift_card', balance: 0 });
    const poor = await call('POST', `/orders/${pricier.order.id}/modify-items`, {
      item_ids: [pricier.item.itemId],
      new_item_ids: [pricier.variant.itemId],
      payment_method_id: 'gift_card_empty01',
    });
    expect(poor).toMatchObject({
      status: 422,
      body: {
        error: { code: 'UNPROCESSABLE_CONTENT', message: expect.stringMatching(/^Gift card gift_card_empty01 holds 0\.00, less than/) },
      },
    });
    expect(store.getOrder(pricier.order.id).items.map((i) => i.itemId)).toContain(pricier.item.itemId);
  });

  it('changes the address of a pending order only', async () => {
    const pending = orderWith('pending');
    const changed = await call('PATCH', `/orders/${pending.id}/address`, address);
    expect(changed.body.order).toMatchObject({ address });
    const processed = orderWith('processed');
    expect((await call('PATCH', `/orders/${processed.id}/address`, address)).status).toBe(409);
    expect((await call('PATCH', `/orders/${pending.id}/address`, { ...address, zip: 'ABCDE' })).status).toBe(400);
  });

  it('changes a customer’s address and announces it', async () => {
    const customer = store.listCustomers()[5]!;
    const response = await call('PATCH', `/customers/${customer.id}/address`, address);
    expect(response.body.customer).toMatchObject({ address });
    expect(events).toEqual([
      expect.objectContaining({ type: 'customer.updated', customer: { email: customer.email, externalId: customer.id } }),
    ]);
  });

  it('creates a handoff note', async () => {
    const customer = store.listCustomers()[2]!;
    const response = await call('POST', '/handoffs', {
      summary: 'Wants a price match; outside policy.',
      customer_id: customer.id,
      ticket_id: 'T-1',
    });
    expect(response.status).toBe(201);
    expect(response.body.handoff).toMatchObject({ id: 'handoff_0001', customer_id: customer.id, ticket_id: 'T-1' });
    expect(store.handoffs).toHaveLength(1);
  });

  it('replays a write with the same Idempotency-Key instead of repeating it', async () => {
    const order = orderWith('pending');
    const headers = { 'idempotency-key': 'key-cancel-1' };
    const first = await call('POST', `/orders/${order.id}/cancel`, { reason: 'no longer needed' }, headers);
    const eventsAfterFirst = events.length;
    const second = await call('POST', `/orders/${order.id}/cancel`, { reason: 'no longer needed' }, headers);
    expect(second.status).toBe(200);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body).toEqual(first.body);
    expect(events).toHaveLength(eventsAfterFirst);
    expect((await call('POST', `/orders/${order.id}/cancel`, { reason: 'ordered by mistake' }, headers)).status).toBe(422);
  });
});

describe('demo store API key', () => {
  it('answers 401 without the key and serves with it', async () => {
    const guarded = Fastify({ logger: false });
    await registerDemoStore(guarded, { prefix: '/shop', apiKey: 'demo-key-123', seed: 3 });
    const without = await guarded.inject({ method: 'GET', url: '/shop/products' });
    expect(without.statusCode).toBe(401);
    expect(without.json()).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
    const wrong = await guarded.inject({ method: 'GET', url: '/shop/products', headers: { authorization: 'Bearer nope' } });
    expect(wrong.statusCode).toBe(401);
    const withKey = await guarded.inject({ method: 'GET', url: '/shop/products', headers: { authorization: 'Bearer demo-key-123' } });
    expect(withKey.statusCode).toBe(200);
    expect(withKey.json<{ products: unknown[] }>().products).toHaveLength(30);
    await guarded.close();
  });
});
