/**
 * The demo shop's JSON REST API as a Fastify plugin (`npm start` mounts it at /demo-store/api).
 * It behaves like a real shop's API: snake_case JSON, zod-validated bodies (400), missing records
 * (404), refused state changes (409) and unprocessable references (422), an optional Bearer key,
 * and `Idempotency-Key` replay on writes.
 *
 * Errors are Tandem's one error shape (`{ code, message, requestId, issues }`, shared/src/errors.ts)
 * inside an `error` envelope, `{"error": {...}}`: shop APIs wrap their errors the same way (Stripe's
 * `error`, Shopify's `errors`), so a client tells an error body from a resource by its key alone.
 * The code is one of the shared list and always matches the status; why a change was refused
 * (an order not pending, a card not on the order) is in the message.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  codeForHttpStatus,
  demoAddressSchema,
  httpStatusOf,
  invalidInputError,
  tandemError,
  type TandemError,
  type TandemErrorCode,
} from '@tandem/shared';
import { z } from 'zod';
import {
  DEFAULT_DEMO_SEED,
  generateDemoStoreData,
  type DemoAddress,
  type DemoCustomer,
  type DemoOrder,
  type DemoProduct,
} from './demoStoreData.js';
import { CANCEL_REASONS, DemoStore, DemoStoreError, orderTotal, paymentStatus, type DemoHandoff } from './demoStoreState.js';

export interface DemoStoreApiOptions {
  /** Default `/demo-store/api`. */
  prefix?: string;
  /** Used when no `store` is given. */
  seed?: number;
  /** A store to serve (shared with other code, or with a fixed clock in tests). */
  store?: DemoStore;
  /** When set, every request needs `Authorization: Bearer <apiKey>`. */
  apiKey?: string;
}

export const DEFAULT_DEMO_STORE_PREFIX = '/demo-store/api';
const MAX_REPLAYS = 1_000;

const itemIdsSchema = z.array(z.string().min(1).max(40)).min(1).max(50);
const bodies = {
  cancel: z.object({ reason: z.enum(CANCEL_REASONS) }).strict(),
  returnItems: z.object({ item_ids: itemIdsSchema, payment_method_id: z.string().min(1).max(60) }).strict(),
  swapItems: z
    .object({ item_ids: itemIdsSchema, new_item_ids: itemIdsSchema, payment_method_id: z.string().min(1).max(60) })
    .strict()
    .refine((b) => b.item_ids.length === b.new_item_ids.length, {
      message: 'item_ids and new_item_ids must have the same length',
      path: ['new_item_ids'],
    }),
  handoff: z
    .object({
      summary: z.string().trim().min(1).max(4_000),
      customer_id: z.string().min(1).max(60).optional(),
      order_id: z.string().min(1).max(60).optional(),
      ticket_id: z.string().min(1).max(200).optional(),
    })
    .strict(),
};
const customerQuerySchema = z.union([
  z.object({ email: z.string().trim().min(3).max(320) }),
  z.object({
    first_name: z.string().trim().min(1).max(100),
    last_name: z.string().trim().min(1).max(100),
    zip: z.string().trim().min(3).max(10),
  }),
]);

/** Mounts the API and returns the store it serves, for `onChange` and for tests. */
export async function registerDemoStore(app: FastifyInstance, options: DemoStoreApiOptions = {}): Promise<DemoStore> {
  const store = options.store ?? new DemoStore(generateDemoStoreData(options.seed ?? DEFAULT_DEMO_SEED));
  await app.register(
    async (scope) => {
      routes(scope, store, options.apiKey);
    },
    { prefix: options.prefix ?? DEFAULT_DEMO_STORE_PREFIX },
  );
  return store;
}

function routes(scope: FastifyInstance, store: DemoStore, apiKey: string | undefined): void {
  const replays = new Map<string, { fingerprint: string; status: number; body: unknown }>();

  scope.addHook('onRequest', async (req, reply) => {
    if (apiKey === undefined) return;
    const given = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
    if (!sameSecret(given, apiKey)) {
      await fail(req, reply, 'UNAUTHORIZED', 'A valid API key is required (Authorization: Bearer <key>)');
    }
  });

  scope.setErrorHandler(async (error: unknown, req, reply) => {
    if (error instanceof DemoStoreError) return fail(req, reply, error.code, error.message);
    if (error instanceof z.ZodError) {
      return send(reply, invalidInputError(error, { message: 'The request is not valid', requestId: req.id }));
    }
    const status =
      typeof error === 'object' && error !== null && 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
    const code = codeForHttpStatus(status);
    // Fastify's own refusals (a body that is not JSON, a wrong content type) in the API's error shape.
    if (code !== 'INTERNAL_SERVER_ERROR') return fail(req, reply, code, error instanceof Error ? error.message : 'Bad request');
    req.log.error({ err: error instanceof Error ? { message: error.message, name: error.name } : String(error) }, 'demo store failed');
    return fail(req, reply, code, 'The demo store failed');
  });

  scope.setNotFoundHandler(async (req, reply) => fail(req, reply, 'NOT_FOUND', `No route ${req.method} ${req.url.split('?')[0] ?? ''}`));

  /** Runs a write once per Idempotency-Key; a retry gets the first answer back. */
  const write = async (req: FastifyRequest, reply: FastifyReply, status: number, run: () => unknown): Promise<FastifyReply> => {
    const key = req.headers['idempotency-key'];
    const fingerprint = createHash('sha256')
      .update(`${req.method} ${req.url}\n${JSON.stringify(req.body ?? null)}`)
      .digest('hex');
    if (typeof key === 'string' && key !== '') {
      const previous = replays.get(key);
      if (previous !== undefined) {
        if (previous.fingerprint !== fingerprint) {
          return fail(req, reply, 'UNPROCESSABLE_CONTENT', 'This Idempotency-Key was used for a different request');
        }
        return reply.code(previous.status).header('idempotent-replayed', 'true').send(previous.body);
      }
    }
    const body = run();
    if (typeof key === 'string' && key !== '') {
      replays.set(key, { fingerprint, status, body });
      // A long-running demo must not grow without bound; retries come within minutes, so the oldest keys can go.
      if (replays.size > MAX_REPLAYS) replays.delete(replays.keys().next().value ?? '');
    }
    return reply.code(status).send(body);
  };
  const params = (req: FastifyRequest): { id: string } => z.object({ id: z.string().min(1).max(60) }).parse(req.params);

  scope.get('/customers', async (req) => {
    const query = customerQuerySchema.parse(req.query);
    const found =
      'email' in query
        ? store.findCustomersByEmail(query.email)
        : store.findCustomersByNameAndZip(query.first_name, query.last_name, query.zip);
    return { customers: found.map(customerSummaryJson) };
  });
  scope.get('/customers/:id', async (req) => ({ customer: customerJson(store.getCustomer(params(req).id)) }));
  scope.get('/customers/:id/orders', async (req) => ({ orders: store.ordersOf(params(req).id).map(orderJson) }));
  scope.patch('/customers/:id/address', async (req, reply) => {
    const { id } = params(req);
    const address = demoAddressSchema.parse(req.body);
    return write(req, reply, 200, () => ({ customer: customerJson(store.modifyCustomerAddress(id, toAddress(address))) }));
  });

  scope.get('/products', async () => ({ products: store.listProducts().map((p) => ({ id: p.id, name: p.name, category: p.category })) }));
  scope.get('/products/:id', async (req) => ({ product: productJson(store.getProduct(params(req).id)) }));

  scope.get('/orders/:id', async (req) => ({ order: orderJson(store.getOrder(params(req).id)) }));
  scope.post('/orders/:id/cancel', async (req, reply) => {
    const { id } = params(req);
    const body = bodies.cancel.parse(req.body);
    return write(req, reply, 200, () => ({ order: orderJson(store.cancelOrder(id, body.reason)) }));
  });
  scope.patch('/orders/:id/address', async (req, reply) => {
    const { id } = params(req);
    const address = demoAddressSchema.parse(req.body);
    return write(req, reply, 200, () => ({ order: orderJson(store.modifyOrderAddress(id, toAddress(address))) }));
  });
  scope.post('/orders/:id/modify-items', async (req, reply) => {
    const { id } = params(req);
    const body = bodies.swapItems.parse(req.body);
    return write(req, reply, 200, () => ({
      order: orderJson(store.modifyOrderItems(id, body.item_ids, body.new_item_ids, body.payment_method_id)),
    }));
  });
  scope.post('/orders/:id/return', async (req, reply) => {
    const { id } = params(req);
    const body = bodies.returnItems.parse(req.body);
    return write(req, reply, 200, () => ({ order: orderJson(store.returnItems(id, body.item_ids, body.payment_method_id)) }));
  });
  scope.post('/orders/:id/exchange', async (req, reply) => {
    const { id } = params(req);
    const body = bodies.swapItems.parse(req.body);
    return write(req, reply, 200, () => ({
      order: orderJson(store.exchangeItems(id, body.item_ids, body.new_item_ids, body.payment_method_id)),
    }));
  });

  scope.post('/handoffs', async (req, reply) => {
    const body = bodies.handoff.parse(req.body);
    return write(req, reply, 201, () => ({
      handoff: handoffJson(
        store.createHandoff({ summary: body.summary, customerId: body.customer_id, orderId: body.order_id, ticketId: body.ticket_id }),
      ),
    }));
  });
}

function fail(req: FastifyRequest, reply: FastifyReply, code: TandemErrorCode, message: string): FastifyReply {
  return send(reply, tandemError(code, message, { requestId: req.id }));
}

/** The status always follows the code, so the two cannot disagree. */
function send(reply: FastifyReply, error: TandemError): FastifyReply {
  return reply.code(httpStatusOf(error.code)).send({ error });
}

function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

function toAddress(address: z.infer<typeof demoAddressSchema>): DemoAddress {
  return { ...address };
}

function customerSummaryJson(c: DemoCustomer): Record<string, unknown> {
  return { id: c.id, first_name: c.firstName, last_name: c.lastName, email: c.email };
}

function customerJson(c: DemoCustomer): Record<string, unknown> {
  return {
    id: c.id,
    first_name: c.firstName,
    last_name: c.lastName,
    email: c.email,
    phone: c.phone,
    address: { ...c.address },
    payment_methods: c.paymentMethods.map((m) =>
      m.type === 'card'
        ? { id: m.id, type: m.type, brand: m.brand, last4: m.last4 }
        : m.type === 'paypal'
          ? { id: m.id, type: m.type, email: m.email }
          : { id: m.id, type: m.type, balance: m.balance },
    ),
    order_ids: [...c.orderIds],
  };
}

function orderJson(o: DemoOrder): Record<string, unknown> {
  return {
    id: o.id,
    name: `#${o.id}`,
    customer_id: o.customerId,
    status: o.status,
    created_at: o.createdAt,
    updated_at: o.updatedAt,
    currency: 'USD',
    total: orderTotal(o),
    payment_status: paymentStatus(o),
    address: { ...o.address },
    items: o.items.map((i) => ({ item_id: i.itemId, product_id: i.productId, name: i.name, options: { ...i.options }, price: i.price })),
    payments: o.payments.map((p) => ({
      id: p.id,
      kind: p.kind,
      payment_method_id: p.paymentMethodId,
      amount: p.amount,
      status: p.status,
      created_at: p.createdAt,
      failure_reason: p.failureReason ?? null,
    })),
    fulfillments: o.fulfillments.map((f) => ({
      carrier: f.carrier,
      tracking_number: f.trackingNumber,
      item_ids: [...f.itemIds],
      shipped_at: f.shippedAt,
      delivered_at: f.deliveredAt ?? null,
    })),
    cancel_reason: o.cancelReason ?? null,
    return_request:
      o.returnRequest === undefined
        ? null
        : {
            item_ids: [...o.returnRequest.itemIds],
            payment_method_id: o.returnRequest.paymentMethodId,
            refund_amount: o.returnRequest.refundAmount,
            requested_at: o.returnRequest.requestedAt,
          },
    exchange_request:
      o.exchangeRequest === undefined
        ? null
        : {
            item_ids: [...o.exchangeRequest.itemIds],
            new_item_ids: [...o.exchangeRequest.newItemIds],
            payment_method_id: o.exchangeRequest.paymentMethodId,
            price_difference: o.exchangeRequest.priceDifference,
            requested_at: o.exchangeRequest.requestedAt,
          },
  };
}

function productJson(p: DemoProduct): Record<string, unknown> {
  return {
    id: p.id,
    name: p.name,
    category: p.category,
    variants: p.variants.map((v) => ({
      item_id: v.itemId,
      options: { ...v.options },
      price: v.price,
      available: v.inventory > 0,
      inventory: v.inventory,
    })),
  };
}

function handoffJson(h: DemoHandoff): Record<string, unknown> {
  return {
    id: h.id,
    summary: h.summary,
    customer_id: h.customerId ?? null,
    order_id: h.orderId ?? null,
    ticket_id: h.ticketId ?? null,
    created_at: h.createdAt,
  };
}
