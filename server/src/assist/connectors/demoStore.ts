/**
 * Client of Tandem's demo shop API (see demoStore/demoStoreApi.ts): customer lookup, orders,
 * products, and the retail changes (cancel, modify, return, exchange, address, handoff). The shop
 * honours `Idempotency-Key` on every write, so writes are sent with Tandem's key and may be retried.
 * Its refusals come in Tandem's error shape and become ConnectorErrors by status (connectorHttp.ts).
 * Until the live-context engine exists, it also supplies a customer's live state.
 */
import { tandemErrorSchema, type CustomerLiveState } from '@tandem/shared';
import { z } from 'zod';
import { ConnectorError } from '../actions/actionDefinition.js';
import { callService, parseAnswer, type HttpMethod, type RetryPolicy } from './connectorHttp.js';

export interface DemoStoreConfig {
  /** Where the API is mounted, e.g. `http://127.0.0.1:8787/demo-store/api`. */
  baseUrl: string;
  apiKey?: string;
  timeoutMs?: number;
  retry?: RetryPolicy;
}

const addressSchema = z.object({
  address1: z.string(),
  address2: z.string(),
  city: z.string(),
  state: z.string(),
  zip: z.string(),
  country: z.string(),
});
export type DemoStoreAddress = z.infer<typeof addressSchema>;

const customerSummarySchema = z.object({ id: z.string(), first_name: z.string(), last_name: z.string(), email: z.string() });
const customerSchema = customerSummarySchema.extend({
  phone: z.string(),
  address: addressSchema,
  payment_methods: z.array(
    z.object({
      id: z.string(),
      type: z.enum(['card', 'paypal', 'gift_card']),
      brand: z.string().optional(),
      last4: z.string().optional(),
      email: z.string().optional(),
      balance: z.number().optional(),
    }),
  ),
  order_ids: z.array(z.string()),
});
const orderSchema = z.object({
  id: z.string(),
  name: z.string(),
  customer_id: z.string(),
  status: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  currency: z.string().length(3),
  total: z.number(),
  payment_status: z.string(),
  address: addressSchema,
  items: z.array(
    z.object({
      item_id: z.string(),
      product_id: z.string(),
      name: z.string(),
      options: z.record(z.string(), z.string()),
      price: z.number(),
    }),
  ),
  payments: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['payment', 'refund']),
      payment_method_id: z.string(),
      amount: z.number(),
      status: z.enum(['succeeded', 'failed']),
      created_at: z.string(),
      failure_reason: z.string().nullable(),
    }),
  ),
  fulfillments: z.array(
    z.object({
      carrier: z.string(),
      tracking_number: z.string(),
      item_ids: z.array(z.string()),
      shipped_at: z.string(),
      delivered_at: z.string().nullable(),
    }),
  ),
  cancel_reason: z.string().nullable(),
  return_request: z
    .object({ item_ids: z.array(z.string()), payment_method_id: z.string(), refund_amount: z.number(), requested_at: z.string() })
    .nullable(),
  exchange_request: z
    .object({
      item_ids: z.array(z.string()),
      new_item_ids: z.array(z.string()),
      payment_method_id: z.string(),
      price_difference: z.number(),
      requested_at: z.string(),
    })
    .nullable(),
});
const productSchema = z.object({
  id: z.string(),
  name: z.string(),
  category: z.string(),
  variants: z.array(
    z.object({
      item_id: z.string(),
      options: z.record(z.string(), z.string()),
      price: z.number(),
      available: z.boolean(),
      inventory: z.number().int(),
    }),
  ),
});
const handoffSchema = z.object({
  id: z.string(),
  summary: z.string(),
  customer_id: z.string().nullable(),
  order_id: z.string().nullable(),
  ticket_id: z.string().nullable(),
  created_at: z.string(),
});

export type DemoStoreCustomerSummary = z.infer<typeof customerSummarySchema>;
export type DemoStoreCustomer = z.infer<typeof customerSchema>;
export type DemoStoreOrder = z.infer<typeof orderSchema>;
export type DemoStoreProduct = z.infer<typeof productSchema>;
export type DemoStoreHandoff = z.infer<typeof handoffSchema>;
export type DemoStoreCancelReason = 'no longer needed' | 'ordered by mistake';

interface WriteRun {
  idempotencyKey: string;
  signal?: AbortSignal;
}

export class DemoStoreClient {
  readonly #config: DemoStoreConfig;
  readonly #base: string;

  constructor(config: DemoStoreConfig) {
    if (!URL.canParse(config.baseUrl)) throw new ConnectorError('NOT_CONFIGURED', `Demo store base URL is not a URL: ${config.baseUrl}`);
    this.#config = config;
    // A trailing slash makes relative paths resolve under the mount point instead of replacing its last segment.
    this.#base = config.baseUrl.endsWith('/') ? config.baseUrl : `${config.baseUrl}/`;
  }

  async findCustomersByEmail(email: string, signal?: AbortSignal): Promise<DemoStoreCustomerSummary[]> {
    return this.#customers(await this.#call('GET', 'customers', { query: { email }, signal }));
  }

  async findCustomersByNameAndZip(
    firstName: string,
    lastName: string,
    zip: string,
    signal?: AbortSignal,
  ): Promise<DemoStoreCustomerSummary[]> {
    return this.#customers(await this.#call('GET', 'customers', { query: { first_name: firstName, last_name: lastName, zip }, signal }));
  }

  async getCustomer(customerId: string, signal?: AbortSignal): Promise<DemoStoreCustomer> {
    const body = await this.#call('GET', `customers/${encodeURIComponent(customerId)}`, { signal });
    return parseAnswer('The demo store', 'a customer', z.object({ customer: customerSchema }), body).customer;
  }

  async getCustomerOrders(customerId: string, signal?: AbortSignal): Promise<DemoStoreOrder[]> {
    const body = await this.#call('GET', `customers/${encodeURIComponent(customerId)}/orders`, { signal });
    return parseAnswer('The demo store', 'an order list', z.object({ orders: z.array(orderSchema) }), body).orders;
  }

  async getOrder(orderId: string, signal?: AbortSignal): Promise<DemoStoreOrder> {
    return this.#order(await this.#call('GET', `orders/${encodeURIComponent(orderId)}`, { signal }));
  }

  async getProduct(productId: string, signal?: AbortSignal): Promise<DemoStoreProduct> {
    const body = await this.#call('GET', `products/${encodeURIComponent(productId)}`, { signal });
    return parseAnswer('The demo store', 'a product', z.object({ product: productSchema }), body).product;
  }

  async cancelOrder(orderId: string, reason: DemoStoreCancelReason, run: WriteRun): Promise<DemoStoreOrder> {
    return this.#order(await this.#call('POST', `orders/${encodeURIComponent(orderId)}/cancel`, { json: { reason }, ...run }));
  }

  async modifyOrderAddress(orderId: string, address: DemoStoreAddress, run: WriteRun): Promise<DemoStoreOrder> {
    return this.#order(await this.#call('PATCH', `orders/${encodeURIComponent(orderId)}/address`, { json: address, ...run }));
  }

  async modifyOrderItems(
    orderId: string,
    change: { itemIds: string[]; newItemIds: string[]; paymentMethodId: string },
    run: WriteRun,
  ): Promise<DemoStoreOrder> {
    const json = { item_ids: change.itemIds, new_item_ids: change.newItemIds, payment_method_id: change.paymentMethodId };
    return this.#order(await this.#call('POST', `orders/${encodeURIComponent(orderId)}/modify-items`, { json, ...run }));
  }

  async returnItems(orderId: string, change: { itemIds: string[]; paymentMethodId: string }, run: WriteRun): Promise<DemoStoreOrder> {
    const json = { item_ids: change.itemIds, payment_method_id: change.paymentMethodId };
    return this.#order(await this.#call('POST', `orders/${encodeURIComponent(orderId)}/return`, { json, ...run }));
  }

  async exchangeItems(
    orderId: string,
    change: { itemIds: string[]; newItemIds: string[]; paymentMethodId: string },
    run: WriteRun,
  ): Promise<DemoStoreOrder> {
    const json = { item_ids: change.itemIds, new_item_ids: change.newItemIds, payment_method_id: change.paymentMethodId };
    return this.#order(await this.#call('POST', `orders/${encodeURIComponent(orderId)}/exchange`, { json, ...run }));
  }

  async modifyCustomerAddress(customerId: string, address: DemoStoreAddress, run: WriteRun): Promise<DemoStoreCustomer> {
    const body = await this.#call('PATCH', `customers/${encodeURIComponent(customerId)}/address`, { json: address, ...run });
    return parseAnswer('The demo store', 'a customer', z.object({ customer: customerSchema }), body).customer;
  }

  async createHandoff(
    handoff: { summary: string; customerId?: string; orderId?: string; ticketId?: string },
    run: WriteRun,
  ): Promise<DemoStoreHandoff> {
    const json = { summary: handoff.summary, customer_id: handoff.customerId, order_id: handoff.orderId, ticket_id: handoff.ticketId };
    const body = await this.#call('POST', 'handoffs', { json, ...run });
    return parseAnswer('The demo store', 'a handoff', z.object({ handoff: handoffSchema }), body).handoff;
  }

  /** The customer's orders and payment state as the assist engine reads them; undefined for an unknown email. */
  async liveStateForEmail(email: string, signal?: AbortSignal): Promise<CustomerLiveState | undefined> {
    const [summary] = await this.findCustomersByEmail(email, signal);
    if (summary === undefined) return undefined;
    const orders = (await this.getCustomerOrders(summary.id, signal)).sort((a, b) => b.created_at.localeCompare(a.created_at));
    const latestPayment = orders
      .flatMap((o) => o.payments.filter((p) => p.kind === 'payment'))
      .sort((a, b) => b.created_at.localeCompare(a.created_at))[0];
    return {
      customer: { email: summary.email, externalId: summary.id, name: `${summary.first_name} ${summary.last_name}` },
      orders: orders.map((o) => ({
        id: o.name,
        status: o.status,
        total: o.total,
        currency: o.currency,
        placedAt: o.created_at,
        items: o.items.map((i) => ({ sku: i.item_id, name: i.name, quantity: 1 })),
      })),
      ...(latestPayment === undefined
        ? {}
        : {
            payment: {
              status: latestPayment.status === 'failed' ? ('failed' as const) : ('ok' as const),
              lastEventAt: latestPayment.created_at,
              ...(latestPayment.failure_reason === null ? {} : { detail: latestPayment.failure_reason.replace(/_/g, ' ') }),
            },
          }),
      recentPages: [],
      openTickets: [],
    };
  }

  #customers(body: unknown): DemoStoreCustomerSummary[] {
    return parseAnswer('The demo store', 'a customer search', z.object({ customers: z.array(customerSummarySchema) }), body).customers;
  }

  #order(body: unknown): DemoStoreOrder {
    return parseAnswer('The demo store', 'an order', z.object({ order: orderSchema }), body).order;
  }

  async #call(
    method: HttpMethod,
    path: string,
    options: { query?: Record<string, string>; json?: unknown; idempotencyKey?: string; signal?: AbortSignal },
  ): Promise<unknown> {
    const url = new URL(path, this.#base);
    for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, value);
    const headers: Record<string, string> = {};
    if (this.#config.apiKey !== undefined) headers.authorization = `Bearer ${this.#config.apiKey}`;
    if (options.idempotencyKey !== undefined) headers['idempotency-key'] = options.idempotencyKey;
    const answer = await callService(
      {
        service: 'The demo store',
        method,
        url,
        headers,
        body: options.json === undefined ? undefined : JSON.stringify(options.json),
        signal: options.signal,
        timeoutMs: this.#config.timeoutMs ?? 10_000,
        // The store replays a write with the same Idempotency-Key, so every call may be repeated.
        retryable: method === 'GET' || options.idempotencyKey !== undefined,
        secrets: this.#config.apiKey === undefined ? [] : [this.#config.apiKey],
        describeError: describeDemoStoreError,
      },
      this.#config.retry,
    );
    return answer.body;
  }
}

/**
 * The shop's error body, `{"error": TandemError}` (see demoStoreApi.ts), read into one line: its
 * message and which fields were wrong. The code is not needed: the status already says it.
 */
const errorBodySchema = z.object({ error: tandemErrorSchema.pick({ message: true, issues: true }) });

export function describeDemoStoreError(body: unknown): string | undefined {
  const parsed = errorBodySchema.safeParse(body);
  if (!parsed.success) return undefined;
  const { message, issues } = parsed.data.error;
  const fields = Object.entries(issues?.fieldErrors ?? {}).map(([field, messages]) => `${field}: ${(messages ?? []).join(', ')}`);
  return [message, ...(issues?.formErrors ?? []), ...fields].filter((s) => s !== '').join('; ') || undefined;
}
