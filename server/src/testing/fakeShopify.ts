/**
 * A local stand-in for the Shopify Admin REST API (orders, refunds) for tests: the real paths
 * under `/admin/api/<version>/`, the `X-Shopify-Access-Token` check with Shopify's 401 body, money
 * as decimal strings, `{"errors": ...}` bodies, and an in-memory shop whose refunds change orders.
 * The orders are invented for these tests.
 */
import { field, startFakeHttpServer, type FakeHttpServer, type FakeReply, type RecordedRequest } from './fakeHttpServer.js';

export interface FakeShopifyLineItem {
  id: number;
  title: string;
  quantity: number;
  price: number;
  sku: string;
}

export interface FakeShopifyOrder {
  id: number;
  orderNumber: number;
  email: string;
  currency: string;
  createdAt: string;
  customer: { id: number; firstName: string; lastName: string };
  lineItems: FakeShopifyLineItem[];
  fulfilled: boolean;
  cancelledAt: string | null;
  /** The captured payment every refund's `parent_id` must point at. */
  saleTransactionId: number;
  gateway: string;
}

export interface FakeShopifyRefund {
  id: number;
  orderId: number;
  createdAt: string;
  note: string | null;
  restock: boolean;
  lines: { item: FakeShopifyLineItem; quantity: number; restockType: string }[];
  transactions: { id: number; parentId: number; amountCents: number; gateway: string }[];
}

export interface FakeShopify {
  /** Origin to configure as the client's base URL. */
  baseUrl: string;
  shopDomain: string;
  accessToken: string;
  apiVersion: string;
  server: FakeHttpServer;
  orders: Map<number, FakeShopifyOrder>;
  refunds: FakeShopifyRefund[];
  close(): Promise<void>;
}

export const FAKE_SHOPIFY_TOKEN = 'shpat_fake_0123456789abcdef';

export function defaultShopifyOrders(): FakeShopifyOrder[] {
  return [
    {
      id: 5801000001042,
      orderNumber: 1042,
      email: 'noor.haddad@example.net',
      currency: 'EUR',
      createdAt: '2024-11-04T10:12:00+01:00',
      customer: { id: 7310001, firstName: 'Noor', lastName: 'Haddad' },
      lineItems: [
        { id: 13001, title: 'Ceramic pour-over dripper', quantity: 2, price: 19.95, sku: 'DRP-CER-WHT' },
        { id: 13002, title: 'Unbleached paper filters (100)', quantity: 1, price: 4.95, sku: 'FLT-100' },
      ],
      fulfilled: true,
      cancelledAt: null,
      saleTransactionId: 9100001042,
      gateway: 'shopify_payments',
    },
    {
      id: 5801000001043,
      orderNumber: 1043,
      email: 'tomas.lindqvist@example.org',
      currency: 'USD',
      createdAt: '2024-11-05T16:40:00-05:00',
      customer: { id: 7310002, firstName: 'Tomas', lastName: 'Lindqvist' },
      lineItems: [{ id: 13003, title: 'Insulated travel mug 450 ml', quantity: 1, price: 27.5, sku: 'MUG-450-SLT' }],
      fulfilled: false,
      cancelledAt: null,
      saleTransactionId: 9100001043,
      gateway: 'paypal',
    },
    {
      id: 5801000001044,
      orderNumber: 1044,
      email: 'noor.haddad@example.net',
      currency: 'EUR',
      createdAt: '2024-12-01T09:03:00+01:00',
      customer: { id: 7310001, firstName: 'Noor', lastName: 'Haddad' },
      lineItems: [{ id: 13004, title: 'Hand-crank burr grinder', quantity: 1, price: 64, sku: 'GRD-HND-STL' }],
      fulfilled: false,
      cancelledAt: null,
      saleTransactionId: 9100001044,
      gateway: 'shopify_payments',
    },
  ];
}

export async function startFakeShopify(
  options: { accessToken?: string; apiVersion?: string; shopDomain?: string; orders?: FakeShopifyOrder[] } = {},
): Promise<FakeShopify> {
  const accessToken = options.accessToken ?? FAKE_SHOPIFY_TOKEN;
  const apiVersion = options.apiVersion ?? '2024-10';
  const shopDomain = options.shopDomain ?? 'tandem-demo.myshopify.com';
  const orders = new Map((options.orders ?? defaultShopifyOrders()).map((o) => [o.id, o]));
  const refunds: FakeShopifyRefund[] = [];
  let nextId = 880000001;
  let calls = 0;

  const refundedCents = (orderId: number): number =>
    refunds.filter((r) => r.orderId === orderId).reduce((sum, r) => sum + r.transactions.reduce((s, t) => s + t.amountCents, 0), 0);
  const totalCents = (order: FakeShopifyOrder): number =>
    order.lineItems.reduce((sum, li) => sum + Math.round(li.price * 100) * li.quantity, 0);
  const refundableCents = (order: FakeShopifyOrder): number => totalCents(order) - refundedCents(order.id);

  const money = (cents: number): string => (cents / 100).toFixed(2);
  const lineItemJson = (li: FakeShopifyLineItem, currency: string): Record<string, unknown> => ({
    id: li.id,
    title: li.title,
    quantity: li.quantity,
    sku: li.sku,
    variant_title: null,
    name: li.title,
    price: li.price.toFixed(2),
    price_set: { shop_money: { amount: li.price.toFixed(2), currency_code: currency } },
    admin_graphql_api_id: `gid://shopify/LineItem/${li.id}`,
  });
  const refundJson = (refund: FakeShopifyRefund, order: FakeShopifyOrder): Record<string, unknown> => ({
    id: refund.id,
    order_id: refund.orderId,
    created_at: refund.createdAt,
    processed_at: refund.createdAt,
    note: refund.note,
    user_id: null,
    restock: refund.restock,
    admin_graphql_api_id: `gid://shopify/Refund/${refund.id}`,
    refund_line_items: refund.lines.map((line, index) => ({
      id: refund.id * 10 + index,
      line_item_id: line.item.id,
      quantity: line.quantity,
      restock_type: line.restockType,
      location_id: null,
      line_item: lineItemJson(line.item, order.currency),
    })),
    transactions: refund.transactions.map((t) => ({
      id: t.id,
      order_id: refund.orderId,
      kind: 'refund',
      gateway: t.gateway,
      status: 'success',
      message: null,
      created_at: refund.createdAt,
      test: true,
      parent_id: t.parentId,
      amount: money(t.amountCents),
      currency: order.currency,
      admin_graphql_api_id: `gid://shopify/OrderTransaction/${t.id}`,
    })),
    order_adjustments: [],
  });
  const financialStatus = (order: FakeShopifyOrder): string => {
    const refunded = refundedCents(order.id);
    if (refunded === 0) return 'paid';
    return refunded >= totalCents(order) ? 'refunded' : 'partially_refunded';
  };
  const orderJson = (order: FakeShopifyOrder): Record<string, unknown> => ({
    id: order.id,
    admin_graphql_api_id: `gid://shopify/Order/${order.id}`,
    name: `#${order.orderNumber}`,
    order_number: order.orderNumber,
    email: order.email,
    contact_email: order.email,
    created_at: order.createdAt,
    updated_at: order.createdAt,
    currency: order.currency,
    presentment_currency: order.currency,
    subtotal_price: money(totalCents(order)),
    total_price: money(totalCents(order)),
    total_tax: '0.00',
    financial_status: financialStatus(order),
    fulfillment_status: order.fulfilled ? 'fulfilled' : null,
    cancelled_at: order.cancelledAt,
    cancel_reason: null,
    payment_gateway_names: [order.gateway],
    customer: { id: order.customer.id, email: order.email, first_name: order.customer.firstName, last_name: order.customer.lastName },
    line_items: order.lineItems.map((li) => lineItemJson(li, order.currency)),
    refunds: refunds.filter((r) => r.orderId === order.id).map((r) => refundJson(r, order)),
  });

  const notFound: FakeReply = { status: 404, body: { errors: 'Not Found' } };
  const unprocessable = (errors: Record<string, string[]>): FakeReply => ({ status: 422, body: { errors } });

  const readLines = (order: FakeShopifyOrder, raw: unknown): { lines: FakeShopifyRefund['lines']; error?: FakeReply } => {
    const lines: FakeShopifyRefund['lines'] = [];
    if (raw === undefined) return { lines };
    if (!Array.isArray(raw)) return { lines, error: unprocessable({ refund_line_items: ['is invalid'] }) };
    for (const entry of raw as unknown[]) {
      const lineItemId = field(entry, 'line_item_id');
      const quantity = field(entry, 'quantity');
      const item = order.lineItems.find((li) => li.id === lineItemId);
      if (item === undefined || typeof quantity !== 'number' || quantity < 1 || quantity > item.quantity) {
        return {
          lines,
          error: unprocessable({ refund_line_items: [`line item ${String(lineItemId)} cannot be refunded in that quantity`] }),
        };
      }
      const restockType = field(entry, 'restock_type');
      lines.push({ item, quantity, restockType: typeof restockType === 'string' ? restockType : 'no_restock' });
    }
    return { lines };
  };

  const route = (request: RecordedRequest): FakeReply => {
    if (request.headers['x-shopify-access-token'] !== accessToken) {
      return { status: 401, body: { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' } };
    }
    const match = /^\/admin\/api\/([^/]+)\/(.+)$/.exec(request.path);
    if (match === null || match[1] !== apiVersion) return notFound;
    const rest = match[2] ?? '';

    if (request.method === 'GET' && rest === 'orders.json') {
      const email = request.query.get('email');
      const name = request.query.get('name');
      const status = request.query.get('status') ?? 'open';
      const limit = Number(request.query.get('limit') ?? '50');
      const found = [...orders.values()]
        .filter((o) => email === null || o.email.toLowerCase() === email.toLowerCase())
        .filter((o) => name === null || `#${o.orderNumber}` === name || String(o.orderNumber) === name)
        .filter((o) => status === 'any' || (status === 'cancelled' ? o.cancelledAt !== null : o.cancelledAt === null))
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
        .slice(0, limit);
      return { status: 200, body: { orders: found.map(orderJson) } };
    }

    const orderMatch = /^orders\/(\d+)(\.json|\/refunds\.json|\/refunds\/calculate\.json)$/.exec(rest);
    if (orderMatch === null) return notFound;
    const order = orders.get(Number(orderMatch[1]));
    if (order === undefined) return notFound;
    const tail = orderMatch[2];

    if (request.method === 'GET' && tail === '.json') return { status: 200, body: { order: orderJson(order) } };
    if (request.method === 'GET' && tail === '/refunds.json') {
      return { status: 200, body: { refunds: refunds.filter((r) => r.orderId === order.id).map((r) => refundJson(r, order)) } };
    }

    const refundBody = field(request.body, 'refund');
    if (request.method === 'POST' && (typeof refundBody !== 'object' || refundBody === null)) {
      return { status: 400, body: { errors: { refund: 'Required parameter missing or invalid' } } };
    }

    if (request.method === 'POST' && tail === '/refunds/calculate.json') {
      const { lines, error } = readLines(order, field(refundBody, 'refund_line_items'));
      if (error !== undefined) return error;
      const refundable = refundableCents(order);
      const linesCents = lines.reduce((sum, line) => sum + Math.round(line.item.price * 100) * line.quantity, 0);
      const suggested = Math.min(linesCents, refundable);
      return {
        status: 200,
        body: {
          refund: {
            shipping: { amount: '0.00', tax: '0.00', maximum_refundable: '0.00' },
            duties: [],
            additional_fees: [],
            return: null,
            refund_line_items: lines.map(({ item, quantity, restockType }) => {
              const subtotal = money(Math.round(item.price * 100) * quantity);
              return {
                line_item_id: item.id,
                quantity,
                restock_type: restockType,
                location_id: null,
                price: item.price.toFixed(2),
                subtotal,
                total_tax: '0.00',
                discounted_price: item.price.toFixed(2),
                discounted_total_price: subtotal,
                total_cart_discount_amount: '0.00',
              };
            }),
            transactions: [
              {
                order_id: order.id,
                kind: 'suggested_refund',
                gateway: order.gateway,
                parent_id: order.saleTransactionId,
                amount: money(suggested),
                currency: order.currency,
                maximum_refundable: money(refundable),
              },
            ],
            currency: order.currency,
          },
        },
      };
    }

    if (request.method === 'POST' && tail === '/refunds.json') {
      const { lines, error } = readLines(order, field(refundBody, 'refund_line_items'));
      if (error !== undefined) return error;
      const rawTransactions = field(refundBody, 'transactions');
      const transactions: FakeShopifyRefund['transactions'] = [];
      for (const t of Array.isArray(rawTransactions) ? (rawTransactions as unknown[]) : []) {
        const amountCents = Math.round(Number(field(t, 'amount')) * 100);
        if (field(t, 'parent_id') !== order.saleTransactionId || field(t, 'kind') !== 'refund' || !(amountCents > 0)) {
          return unprocessable({ transactions: ['must refund a captured transaction of this order with a positive amount'] });
        }
        transactions.push({ id: nextId++, parentId: order.saleTransactionId, amountCents, gateway: order.gateway });
      }
      const requested = transactions.reduce((sum, t) => sum + t.amountCents, 0);
      if (requested > refundableCents(order)) {
        return unprocessable({
          base: [`Refund amount ${money(requested)} exceeds the refundable amount ${money(refundableCents(order))}`],
        });
      }
      const note = field(refundBody, 'note');
      const refund: FakeShopifyRefund = {
        id: nextId++,
        orderId: order.id,
        createdAt: new Date().toISOString(),
        note: typeof note === 'string' ? note : null,
        restock: lines.some((l) => l.restockType !== 'no_restock'),
        lines,
        transactions,
      };
      refunds.push(refund);
      return { status: 201, body: { refund: refundJson(refund, order) } };
    }
    return notFound;
  };

  const server = await startFakeHttpServer((request) => {
    calls += 1;
    const reply = route(request);
    return { ...reply, headers: { 'x-shopify-shop-api-call-limit': `${Math.min(calls, 40)}/40`, ...reply.headers } };
  });
  return { baseUrl: server.url, shopDomain, accessToken, apiVersion, server, orders, refunds, close: () => server.close() };
}

/** Shopify's answer when a client exceeds its call rate. */
export const SHOPIFY_RATE_LIMITED: FakeReply = {
  status: 429,
  headers: { 'retry-after': '2.0' },
  body: { errors: 'Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.' },
};
