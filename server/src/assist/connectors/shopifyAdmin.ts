/**
 * Shopify Admin REST client (orders and refunds) authenticated with a custom app's
 * `X-Shopify-Access-Token`. Shopify takes no idempotency key on refunds, so a refund carries a
 * marker derived from Tandem's key in its note, and an existing refund with that marker is
 * returned instead of refunding again.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ConnectorError } from '../actions/actionDefinition.js';
import { callService, parseAnswer, type HttpMethod, type RetryPolicy } from './connectorHttp.js';

export interface ShopifyAdminConfig {
  /** `acme.myshopify.com` */
  shopDomain: string;
  accessToken: string;
  /** Admin API version, e.g. `2024-10`. */
  apiVersion?: string;
  /** Origin to call instead of `https://<shopDomain>` (a proxy, or a local fake in tests). */
  baseUrl?: string;
  timeoutMs?: number;
  retry?: RetryPolicy;
}

export const DEFAULT_SHOPIFY_API_VERSION = '2024-10';

/** Shopify sends money as decimal strings ("19.95") in most places and as numbers in a few. */
const money = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const n = Number(value);
  if (!Number.isFinite(n)) {
    ctx.addIssue({ code: 'custom', message: 'not an amount' });
    return z.NEVER;
  }
  return n;
});

const lineItemSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  quantity: z.number().int(),
  price: money,
  sku: z.string().nullish(),
  variant_title: z.string().nullish(),
});

const transactionSchema = z.object({
  id: z.number().int().optional(),
  kind: z.string(),
  status: z.string().nullish(),
  amount: money,
  currency: z.string().nullish(),
  gateway: z.string().nullish(),
  parent_id: z.number().int().nullish(),
  maximum_refundable: money.optional(),
});

const refundSchema = z.object({
  id: z.number().int(),
  order_id: z.number().int(),
  created_at: z.string(),
  note: z.string().nullish(),
  transactions: z.array(transactionSchema).default([]),
  refund_line_items: z.array(z.object({ line_item_id: z.number().int(), quantity: z.number().int() })).default([]),
});

const orderSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  email: z.string().nullish(),
  created_at: z.string(),
  currency: z.string(),
  total_price: money,
  financial_status: z.string().nullish(),
  fulfillment_status: z.string().nullish(),
  cancelled_at: z.string().nullish(),
  line_items: z.array(lineItemSchema).default([]),
  customer: z
    .object({ id: z.number().int(), email: z.string().nullish(), first_name: z.string().nullish(), last_name: z.string().nullish() })
    .nullish(),
  refunds: z.array(refundSchema).default([]),
});

const calculatedRefundSchema = z.object({
  currency: z.string().optional(),
  transactions: z.array(transactionSchema),
});

export type ShopifyOrder = z.infer<typeof orderSchema>;
export type ShopifyRefund = z.infer<typeof refundSchema>;

export interface ShopifyRefundLine {
  lineItemId: number;
  quantity: number;
}

export interface ShopifyRefundInput {
  orderId: number;
  /** In the order's currency. */
  amount: number;
  /** When given, must match the order's currency: a refund in the wrong currency is refused, not converted. */
  currency?: string;
  reason: string;
  notifyCustomer: boolean;
  lines?: readonly ShopifyRefundLine[];
  restock: boolean;
}

export interface ShopifyRefundResult {
  refund: ShopifyRefund;
  order: ShopifyOrder;
  /** True when a refund with this idempotency key already existed and nothing new was refunded. */
  replayed: boolean;
}

/** A one-line summary of an order, as actions report it. */
export interface ShopifyOrderSummary {
  id: string;
  name: string;
  email: string | null;
  createdAt: string;
  currency: string;
  total: number;
  refunded: number;
  financialStatus: string | null;
  fulfillmentStatus: string | null;
  cancelled: boolean;
  items: { lineItemId: string; title: string; quantity: number; price: number; sku: string | null }[];
}

export class ShopifyAdminClient {
  readonly #config: ShopifyAdminConfig;
  readonly #base: URL;

  constructor(config: ShopifyAdminConfig) {
    if (!/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/i.test(config.shopDomain)) {
      throw new ConnectorError('NOT_CONFIGURED', `Shopify shop domain must look like acme.myshopify.com, not "${config.shopDomain}"`);
    }
    if (config.accessToken.trim() === '') throw new ConnectorError('NOT_CONFIGURED', 'Shopify access token is empty');
    this.#config = config;
    this.#base = new URL(config.baseUrl ?? `https://${config.shopDomain}`);
  }

  async getOrder(orderId: number, signal?: AbortSignal): Promise<ShopifyOrder> {
    const body = await this.#call('GET', `orders/${orderId}.json`, undefined, signal);
    return parseAnswer('Shopify', 'an order', z.object({ order: orderSchema }), body).order;
  }

  /** By the number customers see (`#1042` or `1042`). */
  async findOrdersByName(name: string, signal?: AbortSignal): Promise<ShopifyOrder[]> {
    const normalized = `#${name.replace(/^#/, '')}`;
    const body = await this.#call('GET', 'orders.json', undefined, signal, { name: normalized, status: 'any' });
    return parseAnswer('Shopify', 'an order list', z.object({ orders: z.array(orderSchema) }), body).orders;
  }

  async findOrdersByEmail(email: string, signal?: AbortSignal, limit = 10): Promise<ShopifyOrder[]> {
    const body = await this.#call('GET', 'orders.json', undefined, signal, { email, status: 'any', limit: String(limit) });
    return parseAnswer('Shopify', 'an order list', z.object({ orders: z.array(orderSchema) }), body).orders;
  }

  async listRefunds(orderId: number, signal?: AbortSignal): Promise<ShopifyRefund[]> {
    const body = await this.#call('GET', `orders/${orderId}/refunds.json`, undefined, signal);
    return parseAnswer('Shopify', 'a refund list', z.object({ refunds: z.array(refundSchema) }), body).refunds;
  }

  /**
   * Refunds `amount` through the order's original payment transactions. Safe to repeat with the
   * same idempotency key: the second call finds the first refund and returns it.
   */
  async refundOrder(input: ShopifyRefundInput, run: { idempotencyKey: string; signal?: AbortSignal }): Promise<ShopifyRefundResult> {
    if (toCents(input.amount) <= 0) throw new ConnectorError('REJECTED', 'A refund amount must be positive');
    const marker = refundMarker(run.idempotencyKey);
    const existing = (await this.listRefunds(input.orderId, run.signal)).find((r) => r.note?.includes(marker) === true);
    const order = await this.getOrder(input.orderId, run.signal);
    if (existing !== undefined) return { refund: existing, order, replayed: true };

    if (input.currency !== undefined && input.currency.toUpperCase() !== order.currency.toUpperCase()) {
      throw new ConnectorError('REJECTED', `Order ${order.name} is in ${order.currency}, not ${input.currency.toUpperCase()}`);
    }
    const refundLineItems = (input.lines ?? []).map((line) => ({
      line_item_id: line.lineItemId,
      quantity: line.quantity,
      restock_type: input.restock ? 'return' : 'no_restock',
    }));
    // The calculation names the parent transactions and gateways a refund must go through, and how much each can still give back.
    const calculated = await this.#call(
      'POST',
      `orders/${order.id}/refunds/calculate.json`,
      { refund: { currency: order.currency, shipping: { amount: 0 }, refund_line_items: refundLineItems } },
      run.signal,
    );
    const suggestions = parseAnswer('Shopify', 'a refund calculation', z.object({ refund: calculatedRefundSchema }), calculated)
      .refund.transactions.filter((t) => t.kind === 'suggested_refund' && t.parent_id !== null && t.parent_id !== undefined)
      .map((t) => ({ parentId: t.parent_id as number, gateway: t.gateway ?? '', maxCents: toCents(t.maximum_refundable ?? t.amount) }));
    const wantedCents = toCents(input.amount);
    const availableCents = suggestions.reduce((sum, s) => sum + s.maxCents, 0);
    if (wantedCents > availableCents) {
      throw new ConnectorError(
        'REJECTED',
        `Order ${order.name} has ${fromCents(availableCents).toFixed(2)} ${order.currency} left to refund, less than ${input.amount.toFixed(2)}`,
      );
    }
    const transactions: { parent_id: number; amount: string; kind: 'refund'; gateway: string }[] = [];
    let remaining = wantedCents;
    for (const suggestion of suggestions) {
      if (remaining === 0) break;
      const cents = Math.min(remaining, suggestion.maxCents);
      if (cents === 0) continue;
      transactions.push({
        parent_id: suggestion.parentId,
        amount: fromCents(cents).toFixed(2),
        kind: 'refund',
        gateway: suggestion.gateway,
      });
      remaining -= cents;
    }
    const created = await this.#call(
      'POST',
      `orders/${order.id}/refunds.json`,
      {
        refund: {
          currency: order.currency,
          notify: input.notifyCustomer,
          note: `${input.reason.trim()} ${marker}`,
          shipping: { amount: 0 },
          refund_line_items: refundLineItems,
          transactions,
        },
      },
      run.signal,
    );
    const refund = parseAnswer('Shopify', 'a created refund', z.object({ refund: refundSchema }), created).refund;
    return { refund, order, replayed: false };
  }

  async #call(
    method: HttpMethod,
    path: string,
    json: unknown,
    signal: AbortSignal | undefined,
    query: Record<string, string> = {},
  ): Promise<unknown> {
    const version = this.#config.apiVersion ?? DEFAULT_SHOPIFY_API_VERSION;
    const url = new URL(`/admin/api/${version}/${path}`, this.#base);
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
    const answer = await callService(
      {
        service: 'Shopify',
        method,
        url,
        headers: { 'x-shopify-access-token': this.#config.accessToken },
        body: json === undefined ? undefined : JSON.stringify(json),
        signal,
        timeoutMs: this.#config.timeoutMs ?? 15_000,
        // Refund creation has no idempotency key at Shopify; only reads (and the side-effect-free calculation) repeat.
        retryable: method === 'GET' || path.endsWith('/calculate.json'),
        secrets: [this.#config.accessToken],
        describeError: describeShopifyError,
      },
      this.#config.retry,
    );
    return answer.body;
  }
}

export function summarizeShopifyOrder(order: ShopifyOrder): ShopifyOrderSummary {
  const refundedCents = order.refunds
    .flatMap((r) => r.transactions)
    .filter((t) => t.kind === 'refund' && (t.status === undefined || t.status === null || t.status === 'success'))
    .reduce((sum, t) => sum + toCents(t.amount), 0);
  return {
    id: String(order.id),
    name: order.name,
    email: order.email ?? null,
    createdAt: order.created_at,
    currency: order.currency,
    total: order.total_price,
    refunded: fromCents(refundedCents),
    financialStatus: order.financial_status ?? null,
    fulfillmentStatus: order.fulfillment_status ?? null,
    cancelled: order.cancelled_at !== null && order.cancelled_at !== undefined,
    items: order.line_items.map((li) => ({
      lineItemId: String(li.id),
      title: li.title,
      quantity: li.quantity,
      price: li.price,
      sku: li.sku ?? null,
    })),
  };
}

/** Hashed, so the note shows a short fixed-length tag rather than Tandem's internal key. */
export function refundMarker(idempotencyKey: string): string {
  return `[tandem:${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 16)}]`;
}

/** Shopify's `errors` is a string, a list, or a field → messages map. */
export function describeShopifyError(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || !('errors' in body)) return undefined;
  const errors: unknown = body.errors;
  if (typeof errors === 'string') return errors;
  if (Array.isArray(errors)) return errors.map(String).join('; ');
  if (typeof errors === 'object' && errors !== null) {
    return Object.entries(errors)
      .map(([key, value]) => `${key}: ${Array.isArray(value) ? value.map(String).join(', ') : String(value)}`)
      .join('; ');
  }
  return undefined;
}

function toCents(amount: number): number {
  return Math.round(amount * 100);
}

function fromCents(cents: number): number {
  return cents / 100;
}
