// The Shopify Admin client against a local fake speaking the REST Admin API's wire format.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConnectorError } from '../actions/actionDefinition.js';
import { SHOPIFY_RATE_LIMITED, startFakeShopify, type FakeShopify } from '../../testing/fakeShopify.js';
import { refundMarker, ShopifyAdminClient, summarizeShopifyOrder, type ShopifyAdminConfig } from './shopifyAdmin.js';

let shop: FakeShopify;

beforeEach(async () => {
  shop = await startFakeShopify();
});
afterEach(() => shop.close());

const client = (overrides: Partial<ShopifyAdminConfig> = {}): ShopifyAdminClient =>
  new ShopifyAdminClient({
    shopDomain: shop.shopDomain,
    accessToken: shop.accessToken,
    apiVersion: shop.apiVersion,
    baseUrl: shop.baseUrl,
    retry: { attempts: 2, maxWaitMs: 100 },
    ...overrides,
  });

async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConnectorError);
  expect((error as ConnectorError).message).not.toContain(shop.accessToken);
  return error as ConnectorError;
}

const run = (key: string) => ({ idempotencyKey: key, signal: AbortSignal.timeout(5_000) });

describe('ShopifyAdminClient reads', () => {
  it('gets an order by id with the access token header on the versioned path', async () => {
    const order = await client().getOrder(5801000001042);
    expect(shop.server.requests[0]).toMatchObject({ method: 'GET', path: '/admin/api/2024-10/orders/5801000001042.json' });
    expect(shop.server.requests[0]?.headers['x-shopify-access-token']).toBe(shop.accessToken);
    expect(order).toMatchObject({ name: '#1042', currency: 'EUR', total_price: 44.85, financial_status: 'paid' });
    expect(summarizeShopifyOrder(order)).toMatchObject({ id: '5801000001042', total: 44.85, refunded: 0, fulfillmentStatus: 'fulfilled' });
  });

  it('finds orders by the number customers see and by email, across all statuses', async () => {
    const byName = await client().findOrdersByName('1043');
    expect(byName.map((o) => o.name)).toEqual(['#1043']);
    expect(shop.server.requests[0]?.query.get('name')).toBe('#1043');
    expect(shop.server.requests[0]?.query.get('status')).toBe('any');
    const byEmail = await client().findOrdersByEmail('noor.haddad@example.net');
    expect(byEmail.map((o) => o.name)).toEqual(['#1044', '#1042']);
  });

  it('fails with REJECTED 401 on a wrong token, without echoing it', async () => {
    const error = await failure(client({ accessToken: 'shpat_wrong_token_value' }).getOrder(5801000001042));
    expect(error).toMatchObject({ code: 'REJECTED', status: 401 });
    expect(error.message).toContain('Invalid API key or access token');
    expect(error.message).not.toContain('shpat_wrong_token_value');
  });

  it('fails with NOT_FOUND for an unknown order', async () => {
    const error = await failure(client().getOrder(1));
    expect(error).toMatchObject({ code: 'NOT_FOUND', status: 404 });
    expect(error.message).toContain('Not Found');
  });

  it('waits out a short 429 on a read and succeeds; fails after the retries are spent', async () => {
    shop.server.failNext({ ...SHOPIFY_RATE_LIMITED, headers: { 'retry-after': '0.05' } });
    expect((await client().getOrder(5801000001043)).name).toBe('#1043');
    expect(shop.server.requests).toHaveLength(2);

    shop.server.failNext({ ...SHOPIFY_RATE_LIMITED, headers: { 'retry-after': '0.05' } }, { times: 2 });
    const error = await failure(client().getOrder(5801000001043));
    expect(error).toMatchObject({ code: 'UPSTREAM_FAILED', status: 429 });
    expect(error.message).toContain('Exceeded 2 calls per second');
  });

  it('does not wait for a Retry-After longer than its policy', async () => {
    shop.server.failNext(SHOPIFY_RATE_LIMITED);
    const error = await failure(client().getOrder(5801000001043));
    expect(error).toMatchObject({ code: 'UPSTREAM_FAILED', status: 429 });
    expect(shop.server.requests).toHaveLength(1);
  });

  it('fails with UPSTREAM_FAILED on an answer of the wrong shape', async () => {
    shop.server.failNext({ status: 200, body: { order: { id: 'not-a-number' } } });
    const error = await failure(client().getOrder(5801000001042));
    expect(error.code).toBe('UPSTREAM_FAILED');
    expect(error.message).toContain('unexpected shape');
  });

  it('refuses a shop domain that is not a myshopify.com domain', () => {
    expect(() => client({ shopDomain: 'evil.example.com' })).toThrow(ConnectorError);
  });
});

describe('ShopifyAdminClient.refundOrder', () => {
  const refund = {
    orderId: 5801000001042,
    amount: 19.95,
    currency: 'EUR',
    reason: 'Dripper arrived cracked',
    notifyCustomer: false,
    restock: false,
  };

  it('calculates, then refunds through the original transaction with a marked note', async () => {
    const result = await client().refundOrder(refund, run('key-refund-0001'));
    expect(result.replayed).toBe(false);
    const paths = shop.server.requests.map((r) => `${r.method} ${r.path}`);
    expect(paths).toEqual([
      'GET /admin/api/2024-10/orders/5801000001042/refunds.json',
      'GET /admin/api/2024-10/orders/5801000001042.json',
      'POST /admin/api/2024-10/orders/5801000001042/refunds/calculate.json',
      'POST /admin/api/2024-10/orders/5801000001042/refunds.json',
    ]);
    expect(shop.server.requests[3]?.body).toMatchObject({
      refund: {
        currency: 'EUR',
        notify: false,
        note: `Dripper arrived cracked ${refundMarker('key-refund-0001')}`,
        transactions: [{ parent_id: 9100001042, amount: '19.95', kind: 'refund', gateway: 'shopify_payments' }],
      },
    });
    expect(shop.refunds).toHaveLength(1);
    expect(result.refund.transactions[0]).toMatchObject({ kind: 'refund', amount: 19.95 });
    expect(summarizeShopifyOrder(await client().getOrder(5801000001042))).toMatchObject({
      refunded: 19.95,
      financialStatus: 'partially_refunded',
    });
  });

  it('refunds once for the same idempotency key, twice for two keys', async () => {
    const first = await client().refundOrder(refund, run('key-refund-same'));
    const second = await client().refundOrder(refund, run('key-refund-same'));
    expect(second.replayed).toBe(true);
    expect(second.refund.id).toBe(first.refund.id);
    expect(shop.refunds).toHaveLength(1);
    await client().refundOrder(refund, run('key-refund-other'));
    expect(shop.refunds).toHaveLength(2);
  });

  it('refuses more than is left to refund, before creating anything', async () => {
    const error = await failure(client().refundOrder({ ...refund, amount: 500 }, run('key-refund-too-much')));
    expect(error.code).toBe('REJECTED');
    expect(error.message).toContain('44.85 EUR left to refund');
    expect(shop.refunds).toHaveLength(0);
  });

  it('refuses a refund in another currency than the order’s', async () => {
    const error = await failure(client().refundOrder({ ...refund, currency: 'USD' }, run('key-refund-currency')));
    expect(error.code).toBe('REJECTED');
    expect(shop.refunds).toHaveLength(0);
  });

  it('sends line items with the restock type', async () => {
    await client().refundOrder({ ...refund, lines: [{ lineItemId: 13001, quantity: 1 }], restock: true }, run('key-refund-lines'));
    expect(shop.server.requests.at(-1)?.body).toMatchObject({
      refund: { refund_line_items: [{ line_item_id: 13001, quantity: 1, restock_type: 'return' }] },
    });
    expect(shop.refunds[0]?.lines[0]).toMatchObject({ quantity: 1, restockType: 'return' });
  });

  it('does not retry the refund creation itself on a 503', async () => {
    shop.server.failNext(
      { status: 503, body: { errors: 'Service Unavailable' } },
      { when: (r) => r.path.endsWith('/refunds.json') && r.method === 'POST' },
    );
    const error = await failure(client().refundOrder(refund, run('key-refund-503')));
    expect(error).toMatchObject({ code: 'UPSTREAM_FAILED', status: 503 });
    expect(shop.server.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/refunds.json'))).toHaveLength(1);
  });

  it('reports a 422 from Shopify as REJECTED with its errors', async () => {
    shop.server.failNext(
      { status: 422, body: { errors: { base: ['Transaction could not be processed'] } } },
      { when: (r) => r.method === 'POST' && r.path.endsWith('/refunds.json') },
    );
    const error = await failure(client().refundOrder(refund, run('key-refund-422')));
    expect(error).toMatchObject({ code: 'REJECTED', status: 422 });
    expect(error.message).toContain('base: Transaction could not be processed');
  });
});
