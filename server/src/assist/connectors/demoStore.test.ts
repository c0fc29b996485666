// The demo store client against the real demo store API served over HTTP (it runs here, so no fake is needed).
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectorError } from '../actions/actionDefinition.js';
import { registerDemoStore } from '../../demoStore/demoStoreApi.js';
import type { DemoStore } from '../../demoStore/demoStoreState.js';
import { startFakeHttpServer } from '../../testing/fakeHttpServer.js';
import { DemoStoreClient, describeDemoStoreError } from './demoStore.js';

const API_KEY = 'demo-store-key-0042';

let app: FastifyInstance;
let store: DemoStore;
let baseUrl: string;

beforeAll(async () => {
  app = Fastify({ logger: false });
  store = await registerDemoStore(app, { apiKey: API_KEY, seed: 11 });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `${address}/demo-store/api`;
});
afterAll(() => app.close());

const client = (apiKey: string | undefined = API_KEY): DemoStoreClient => new DemoStoreClient({ baseUrl, apiKey });
const orders = () => store.listCustomers().flatMap((c) => store.ordersOf(c.id));

async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConnectorError);
  expect((error as ConnectorError).message).not.toContain(API_KEY);
  return error as ConnectorError;
}

describe('DemoStoreClient', () => {
  it('finds a customer by email and by name + zip, and reads their details and orders', async () => {
    const customer = store.listCustomers()[0]!;
    const [found] = await client().findCustomersByEmail(customer.email);
    expect(found).toEqual({ id: customer.id, first_name: customer.firstName, last_name: customer.lastName, email: customer.email });
    const byName = await client().findCustomersByNameAndZip(customer.firstName, customer.lastName, customer.address.zip);
    expect(byName.map((c) => c.id)).toContain(customer.id);
    const details = await client().getCustomer(customer.id);
    expect(details.payment_methods.map((m) => m.id)).toEqual(customer.paymentMethods.map((m) => m.id));
    expect((await client().getCustomerOrders(customer.id)).map((o) => o.id)).toEqual(customer.orderIds);
  });

  it('reads an order by #id and a product', async () => {
    const order = orders()[0]!;
    const read = await client().getOrder(`#${order.id}`);
    expect(read).toMatchObject({ id: order.id, name: `#${order.id}`, status: order.status });
    const product = await client().getProduct(order.items[0]!.productId);
    expect(product.variants.map((v) => v.item_id)).toContain(order.items[0]!.itemId);
  });

  it('cancels a pending order, once per idempotency key', async () => {
    const order = orders().find((o) => o.status === 'pending')!;
    const cancelled = await client().cancelOrder(order.id, 'no longer needed', { idempotencyKey: 'cancel-key-1' });
    expect(cancelled.status).toBe('cancelled');
    const again = await client().cancelOrder(order.id, 'no longer needed', { idempotencyKey: 'cancel-key-1' });
    expect(again).toEqual(cancelled);
  });

  it('turns the shop’s 409 into REJECTED with its explanation', async () => {
    const delivered = orders().find((o) => o.status === 'delivered')!;
    const error = await failure(client().cancelOrder(delivered.id, 'ordered by mistake', { idempotencyKey: 'cancel-key-2' }));
    expect(error).toMatchObject({ code: 'REJECTED', status: 409 });
    expect(error.message).toContain('only pending orders can be cancelled');
  });

  it('returns items of a delivered order', async () => {
    const delivered = orders().find((o) => o.status === 'delivered')!;
    const paidWith = delivered.payments.find((p) => p.kind === 'payment' && p.status === 'succeeded')!.paymentMethodId;
    const returned = await client().returnItems(
      delivered.id,
      { itemIds: [delivered.items[0]!.itemId], paymentMethodId: paidWith },
      { idempotencyKey: 'return-key-1' },
    );
    expect(returned.status).toBe('return_requested');
    expect(returned.return_request?.item_ids).toEqual([delivered.items[0]!.itemId]);
  });

  it('creates a handoff', async () => {
    const handoff = await client().createHandoff(
      { summary: 'Asks for a bulk discount.', ticketId: 'T-9' },
      { idempotencyKey: 'handoff-key-1' },
    );
    expect(handoff).toMatchObject({ summary: 'Asks for a bulk discount.', ticket_id: 'T-9', customer_id: null });
  });

  it('fails with NOT_FOUND for an unknown order, REJECTED 400 for a bad address, REJECTED 401 without the key', async () => {
    expect(await failure(client().getOrder('W0000001'))).toMatchObject({ code: 'NOT_FOUND', status: 404 });
    const pending = orders().find((o) => o.status === 'pending')!;
    const bad = await failure(
      client().modifyOrderAddress(
        pending.id,
        { address1: '', address2: '', city: 'X', state: 'OR', zip: '1', country: 'USA' },
        { idempotencyKey: 'addr-key-1' },
      ),
    );
    expect(bad).toMatchObject({ code: 'REJECTED', status: 400 });
    expect(bad.message).toContain('zip');
    expect(await failure(client('wrong-key').getOrder(pending.id))).toMatchObject({ code: 'REJECTED', status: 401 });
  });

  it('builds the live state of a customer, with a failed payment when the last one failed', async () => {
    const failedOrder = orders().find((o) => o.payments.at(-1)?.status === 'failed' && o.status === 'pending')!;
    const customer = store.getCustomer(failedOrder.customerId);
    const live = await client().liveStateForEmail(customer.email);
    expect(live?.customer).toEqual({ email: customer.email, externalId: customer.id, name: `${customer.firstName} ${customer.lastName}` });
    expect(live?.orders.map((o) => o.id).sort()).toEqual(customer.orderIds.map((id) => `#${id}`).sort());
    const latest = store
      .ordersOf(customer.id)
      .flatMap((o) => o.payments.filter((p) => p.kind === 'payment'))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0]!;
    expect(live?.payment?.status).toBe(latest.status === 'failed' ? 'failed' : 'ok');
    expect(await client().liveStateForEmail('nobody@example.com')).toBeUndefined();
  });
});

describe('DemoStoreClient against a failing store', () => {
  it('retries a write on 503 with the same key, and fails with UPSTREAM_FAILED when it stays down', async () => {
    const flaky = await startFakeHttpServer(() => ({
      status: 200,
      body: {
        handoff: {
          id: 'handoff_0001',
          summary: 's',
          customer_id: null,
          order_id: null,
          ticket_id: null,
          created_at: '2025-05-01T00:00:00Z',
        },
      },
    }));
    try {
      const c = new DemoStoreClient({ baseUrl: `${flaky.url}/api`, retry: { attempts: 2, maxWaitMs: 50 } });
      flaky.failNext({ status: 503, body: { error: { code: 'UPSTREAM_UNAVAILABLE', message: 'restarting' } } });
      await c.createHandoff({ summary: 's' }, { idempotencyKey: 'flaky-key' });
      expect(flaky.requests.map((r) => r.headers['idempotency-key'])).toEqual(['flaky-key', 'flaky-key']);
      expect(flaky.requests[0]?.path).toBe('/api/handoffs');

      // A 500 is a bug at the store rather than a passing state, so it is reported at once.
      flaky.failNext({
        status: 500,
        body: { error: { code: 'INTERNAL_SERVER_ERROR', message: 'The demo store failed', requestId: 'req-7' } },
      });
      const before = flaky.requests.length;
      const error = await failure(c.getOrder('W1234567'));
      expect(error).toMatchObject({ code: 'UPSTREAM_FAILED', status: 500 });
      expect(error.message).toContain('The demo store failed');
      expect(flaky.requests.length - before).toBe(1);
      flaky.failNext({ status: 503, body: { error: { code: 'UPSTREAM_UNAVAILABLE', message: 'restarting' } } }, { times: 2 });
      expect(await failure(c.getOrder('W1234567'))).toMatchObject({ code: 'UPSTREAM_FAILED', status: 503 });
      flaky.failNext({
        status: 429,
        headers: { 'retry-after': '60' },
        body: { error: { code: 'TOO_MANY_REQUESTS', message: 'slow down' } },
      });
      expect(await failure(c.getOrder('W1234567'))).toMatchObject({ code: 'UPSTREAM_FAILED', status: 429 });
    } finally {
      await flaky.close();
    }
  });
});

describe('describeDemoStoreError', () => {
  it('reads the shared error shape into one line with the fields that were wrong', () => {
    const body = {
      error: {
        code: 'BAD_REQUEST',
        message: 'The request is not valid',
        requestId: 'req-3',
        issues: { formErrors: ['Unrecognized key: "refund"'], fieldErrors: { zip: ['Too small', 'Invalid zip'] } },
      },
    };
    expect(describeDemoStoreError(body)).toBe('The request is not valid; Unrecognized key: "refund"; zip: Too small, Invalid zip');
  });

  it('reads nothing from a body in another shape', () => {
    expect(describeDemoStoreError({ errors: 'Not Found' })).toBeUndefined();
    expect(describeDemoStoreError('Bad Gateway')).toBeUndefined();
  });
});
