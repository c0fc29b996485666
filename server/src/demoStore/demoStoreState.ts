/**
 * The demo shop's live state and the rules a real shop enforces on it: only pending orders are
 * cancelled or modified, only delivered orders are returned or exchanged, an exchange stays within
 * the same product and in-stock variants, refunds go back to the original payment method or a gift
 * card. Every change is announced to `onChange` listeners as a LiveEvent, so the live-context work
 * can turn them into signed webhooks.
 */
import type { LiveEvent, TandemErrorCode } from '@tandem/shared';
import {
  DEMO_CURRENCY,
  type DemoAddress,
  type DemoCustomer,
  type DemoOrder,
  type DemoPayment,
  type DemoPaymentMethod,
  type DemoProduct,
  type DemoStoreData,
  type DemoVariant,
} from './demoStoreData.js';

/** The shared codes a refused request is answered with; the message says which rule refused it. */
export type DemoStoreErrorCode = Extract<TandemErrorCode, 'BAD_REQUEST' | 'NOT_FOUND' | 'CONFLICT' | 'UNPROCESSABLE_CONTENT'>;

/** A refused request, with the code (and so the HTTP status) the API answers it with. */
export class DemoStoreError extends Error {
  constructor(
    readonly code: DemoStoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DemoStoreError';
  }
}

export const CANCEL_REASONS = ['no longer needed', 'ordered by mistake'] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];

export interface DemoHandoff {
  id: string;
  summary: string;
  customerId?: string;
  orderId?: string;
  ticketId?: string;
  createdAt: string;
}

export type DemoStoreListener = (event: LiveEvent) => void;

export class DemoStore {
  readonly currency = DEMO_CURRENCY;
  readonly #customers = new Map<string, DemoCustomer>();
  readonly #orders = new Map<string, DemoOrder>();
  readonly #products = new Map<string, DemoProduct>();
  readonly #variants = new Map<string, { product: DemoProduct; variant: DemoVariant }>();
  readonly #handoffs: DemoHandoff[] = [];
  readonly #listeners = new Set<DemoStoreListener>();
  readonly #versions = new Map<string, number>();
  readonly #now: () => Date;
  #sequence = 0;

  constructor(data: DemoStoreData, options: { now?: () => Date } = {}) {
    // A private copy: the generated data stays a pure function of the seed however the store changes.
    const copy = structuredClone(data);
    for (const c of copy.customers) this.#customers.set(c.id, c);
    for (const o of copy.orders) this.#orders.set(o.id, o);
    for (const p of copy.products) {
      this.#products.set(p.id, p);
      for (const v of p.variants) this.#variants.set(v.itemId, { product: p, variant: v });
    }
    this.#now = options.now ?? (() => new Date());
  }

  /** Returns the function that stops listening. */
  onChange(listener: DemoStoreListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  get handoffs(): readonly DemoHandoff[] {
    return this.#handoffs;
  }

  findCustomersByEmail(email: string): DemoCustomer[] {
    const wanted = email.trim().toLowerCase();
    return [...this.#customers.values()].filter((c) => c.email.toLowerCase() === wanted);
  }

  findCustomersByNameAndZip(firstName: string, lastName: string, zip: string): DemoCustomer[] {
    const same = (a: string, b: string): boolean => a.localeCompare(b, 'en', { sensitivity: 'base' }) === 0;
    return [...this.#customers.values()].filter(
      (c) => same(c.firstName, firstName.trim()) && same(c.lastName, lastName.trim()) && c.address.zip === zip.trim(),
    );
  }

  listCustomers(): DemoCustomer[] {
    return [...this.#customers.values()];
  }

  listProducts(): DemoProduct[] {
    return [...this.#products.values()];
  }

  getCustomer(id: string): DemoCustomer {
    const customer = this.#customers.get(id);
    if (customer === undefined) throw new DemoStoreError('NOT_FOUND', `No customer ${id}`);
    return customer;
  }

  /** Accepts `W1234567` or `#W1234567`, as customers write it. */
  getOrder(id: string): DemoOrder {
    const order = this.#orders.get(normalizeOrderId(id));
    if (order === undefined) throw new DemoStoreError('NOT_FOUND', `No order #${normalizeOrderId(id)}`);
    return order;
  }

  getProduct(id: string): DemoProduct {
    const product = this.#products.get(id);
    if (product === undefined) throw new DemoStoreError('NOT_FOUND', `No product ${id}`);
    return product;
  }

  ordersOf(customerId: string): DemoOrder[] {
    return this.getCustomer(customerId).orderIds.map((id) => this.getOrder(id));
  }

  cancelOrder(orderId: string, reason: CancelReason): DemoOrder {
    const order = this.getOrder(orderId);
    requireStatus(order, 'pending', 'be cancelled');
    const at = this.#stamp();
    order.status = 'cancelled';
    order.cancelReason = reason;
    order.updatedAt = at;
    const customer = this.getCustomer(order.customerId);
    const refunds = order.payments
      .filter((p) => p.kind === 'payment' && p.status === 'succeeded')
      .map((p) => this.#refund(customer, order, p.paymentMethodId, p.amount, at));
    for (const item of order.items) this.#restock(item.itemId, +1, customer);
    this.#emit('order.updated', customer, order.id, {
      ...this.#orderFacts(order),
      reason,
      refunded: round(refunds.reduce((sum, r) => sum + r.amount, 0)),
    });
    return order;
  }

  modifyOrderAddress(orderId: string, address: DemoAddress): DemoOrder {
    const order = this.getOrder(orderId);
    requireStatus(order, 'pending', 'have its address changed');
    order.address = { ...address };
    order.updatedAt = this.#stamp();
    this.#emit('order.updated', this.getCustomer(order.customerId), order.id, {
      ...this.#orderFacts(order),
      address: order.address,
    });
    return order;
  }

  /** Swaps items of a pending order for other variants of the same products, charging or refunding the difference. */
  modifyOrderItems(orderId: string, itemIds: readonly string[], newItemIds: readonly string[], paymentMethodId: string): DemoOrder {
    const order = this.getOrder(orderId);
    requireStatus(order, 'pending', 'have its items changed');
    const customer = this.getCustomer(order.customerId);
    const swaps = this.#planSwaps(order, itemIds, newItemIds);
    const difference = round(swaps.reduce((sum, s) => sum + s.to.variant.price - s.from.price, 0));
    const method = this.#customerMethod(customer, paymentMethodId);
    requireBalance(method, difference);
    const at = this.#stamp();
    for (const swap of swaps) {
      const index = order.items.indexOf(swap.from);
      order.items[index] = {
        ...swap.from,
        itemId: swap.to.variant.itemId,
        options: { ...swap.to.variant.options },
        price: swap.to.variant.price,
      };
      this.#restock(swap.from.itemId, +1, customer);
      this.#restock(swap.to.variant.itemId, -1, customer);
    }
    if (difference > 0) this.#charge(customer, order, method, difference, at);
    if (difference < 0) this.#refund(customer, order, method.id, -difference, at);
    order.updatedAt = at;
    this.#emit('order.updated', customer, order.id, {
      ...this.#orderFacts(order),
      itemsChanged: swaps.length,
      priceDifference: difference,
    });
    return order;
  }

  /** Records a return of delivered items; the refund goes to the original payment method or a gift card. */
  returnItems(orderId: string, itemIds: readonly string[], paymentMethodId: string): DemoOrder {
    const order = this.getOrder(orderId);
    requireStatus(order, 'delivered', 'be returned');
    const customer = this.getCustomer(order.customerId);
    const items = pickItems(order, itemIds);
    const method = this.#customerMethod(customer, paymentMethodId);
    const paidWith = new Set(order.payments.filter((p) => p.kind === 'payment' && p.status === 'succeeded').map((p) => p.paymentMethodId));
    if (!paidWith.has(method.id) && method.type !== 'gift_card') {
      throw new DemoStoreError(
        'UNPROCESSABLE_CONTENT',
        `A return is refunded to the order's original payment method or to a gift card, not ${method.id}`,
      );
    }
    const at = this.#stamp();
    const refundAmount = round(items.reduce((sum, item) => sum + item.price, 0));
    order.status = 'return_requested';
    order.returnRequest = { itemIds: [...itemIds], paymentMethodId: method.id, refundAmount, requestedAt: at };
    order.updatedAt = at;
    this.#emit('order.updated', customer, order.id, { ...this.#orderFacts(order), itemIds: [...itemIds], refundAmount });
    return order;
  }

  /** Records an exchange of delivered items for other variants of the same products. */
  exchangeItems(orderId: string, itemIds: readonly string[], newItemIds: readonly string[], paymentMethodId: string): DemoOrder {
    const order = this.getOrder(orderId);
    requireStatus(order, 'delivered', 'be exchanged');
    const customer = this.getCustomer(order.customerId);
    const swaps = this.#planSwaps(order, itemIds, newItemIds);
    const difference = round(swaps.reduce((sum, s) => sum + s.to.variant.price - s.from.price, 0));
    const method = this.#customerMethod(customer, paymentMethodId);
    requireBalance(method, difference);
    const at = this.#stamp();
    // The replacements are set aside now so they cannot sell out before the returned items arrive.
    for (const swap of swaps) this.#restock(swap.to.variant.itemId, -1, customer);
    if (difference > 0) this.#charge(customer, order, method, difference, at);
    if (difference < 0) this.#refund(customer, order, method.id, -difference, at);
    order.status = 'exchange_requested';
    order.exchangeRequest = {
      itemIds: [...itemIds],
      newItemIds: [...newItemIds],
      paymentMethodId: method.id,
      priceDifference: difference,
      requestedAt: at,
    };
    order.updatedAt = at;
    this.#emit('order.updated', customer, order.id, {
      ...this.#orderFacts(order),
      itemIds: [...itemIds],
      newItemIds: [...newItemIds],
      priceDifference: difference,
    });
    return order;
  }

  modifyCustomerAddress(customerId: string, address: DemoAddress): DemoCustomer {
    const customer = this.getCustomer(customerId);
    customer.address = { ...address };
    this.#stamp();
    this.#emit('customer.updated', customer, customer.id, { customerId: customer.id, address: customer.address });
    return customer;
  }

  createHandoff(input: { summary: string; customerId?: string; orderId?: string; ticketId?: string }): DemoHandoff {
    const customer = input.customerId === undefined ? undefined : this.getCustomer(input.customerId);
    const order = input.orderId === undefined ? undefined : this.getOrder(input.orderId);
    const handoff: DemoHandoff = {
      id: `handoff_${String(this.#handoffs.length + 1).padStart(4, '0')}`,
      summary: input.summary,
      ...(customer === undefined ? {} : { customerId: customer.id }),
      ...(order === undefined ? {} : { orderId: order.id }),
      ...(input.ticketId === undefined ? {} : { ticketId: input.ticketId }),
      createdAt: this.#stamp(),
    };
    this.#handoffs.push(handoff);
    const about = customer ?? (order === undefined ? undefined : this.getCustomer(order.customerId));
    if (about !== undefined) this.#emit('generic', about, handoff.id, { kind: 'handoff', handoffId: handoff.id, summary: handoff.summary });
    return handoff;
  }

  #planSwaps(order: DemoOrder, itemIds: readonly string[], newItemIds: readonly string[]) {
    if (itemIds.length !== newItemIds.length) {
      throw new DemoStoreError('BAD_REQUEST', 'item_ids and new_item_ids must have the same length');
    }
    const items = pickItems(order, itemIds);
    return items.map((from, index) => {
      const newItemId = newItemIds[index] ?? '';
      const to = this.#variants.get(newItemId);
      if (to === undefined) throw new DemoStoreError('NOT_FOUND', `No item ${newItemId}`);
      if (to.product.id !== from.productId) {
        throw new DemoStoreError(
          'UNPROCESSABLE_CONTENT',
          `Item ${newItemId} is a ${to.product.name}; ${from.name} can only become another variant of itself`,
        );
      }
      if (newItemId === from.itemId)
        throw new DemoStoreError('UNPROCESSABLE_CONTENT', `Item ${newItemId} is the same variant as the one in the order`);
      if (to.variant.inventory <= 0)
        throw new DemoStoreError('UNPROCESSABLE_CONTENT', `Item ${newItemId} (${describeOptions(to.variant.options)}) is out of stock`);
      return { from, to };
    });
  }

  #customerMethod(customer: DemoCustomer, paymentMethodId: string): DemoPaymentMethod {
    const method = customer.paymentMethods.find((m) => m.id === paymentMethodId);
    if (method === undefined) {
      throw new DemoStoreError('UNPROCESSABLE_CONTENT', `Payment method ${paymentMethodId} does not belong to customer ${customer.id}`);
    }
    return method;
  }

  #charge(customer: DemoCustomer, order: DemoOrder, method: DemoPaymentMethod, amount: number, at: string): DemoPayment {
    if (method.type === 'gift_card') method.balance = round(method.balance - amount);
    const payment: DemoPayment = {
      id: this.#paymentId(),
      kind: 'payment',
      paymentMethodId: method.id,
      amount: round(amount),
      status: 'succeeded',
      createdAt: at,
    };
    order.payments.push(payment);
    this.#emit('payment.succeeded', customer, order.id, {
      orderId: order.id,
      paymentId: payment.id,
      amount: payment.amount,
      currency: this.currency,
    });
    return payment;
  }

  #refund(customer: DemoCustomer, order: DemoOrder, paymentMethodId: string, amount: number, at: string): DemoPayment {
    const method = customer.paymentMethods.find((m) => m.id === paymentMethodId);
    if (method?.type === 'gift_card') method.balance = round(method.balance + amount);
    const refund: DemoPayment = {
      id: this.#paymentId(),
      kind: 'refund',
      paymentMethodId,
      amount: round(amount),
      status: 'succeeded',
      createdAt: at,
    };
    order.payments.push(refund);
    return refund;
  }

  #restock(itemId: string, delta: number, customer: DemoCustomer): void {
    const entry = this.#variants.get(itemId);
    if (entry === undefined) return;
    entry.variant.inventory = Math.max(0, entry.variant.inventory + delta);
    this.#emit('inventory.changed', customer, itemId, { productId: entry.product.id, itemId, inventory: entry.variant.inventory });
  }

  /** What every order.updated carries, so a live projection can show the order from any one of them. */
  #orderFacts(order: DemoOrder): { orderId: string; status: string; total: number; currency: string; placedAt: string } {
    return { orderId: order.id, status: order.status, total: orderTotal(order), currency: this.currency, placedAt: order.createdAt };
  }

  #paymentId(): string {
    this.#sequence += 1;
    return `pay_live_${String(this.#sequence).padStart(6, '0')}`;
  }

  #stamp(): string {
    return this.#now().toISOString();
  }

  #emit(type: LiveEvent['type'], customer: DemoCustomer, entityId: string, data: Record<string, unknown>): void {
    const version = (this.#versions.get(entityId) ?? 0) + 1;
    this.#versions.set(entityId, version);
    this.#sequence += 1;
    const event: LiveEvent = {
      id: `demo-store-${this.#sequence}`,
      type,
      occurredAt: this.#stamp(),
      sourceVersion: version,
      customer: { email: customer.email, externalId: customer.id },
      data,
    };
    for (const listener of this.#listeners) {
      // A listener that throws (a webhook sender that is down) must not undo or hide the change itself.
      try {
        listener(event);
      } catch {
        continue;
      }
    }
  }
}

export function normalizeOrderId(id: string): string {
  return id.trim().replace(/^#/, '').toUpperCase();
}

export function orderTotal(order: DemoOrder): number {
  return round(order.items.reduce((sum, item) => sum + item.price, 0));
}

/** paid, failed (the last attempt failed and nothing succeeded), refunded or partially_refunded. */
export function paymentStatus(order: DemoOrder): 'paid' | 'failed' | 'refunded' | 'partially_refunded' | 'unpaid' {
  const paid = order.payments.filter((p) => p.kind === 'payment' && p.status === 'succeeded').reduce((sum, p) => sum + p.amount, 0);
  const refunded = order.payments.filter((p) => p.kind === 'refund' && p.status === 'succeeded').reduce((sum, p) => sum + p.amount, 0);
  if (paid === 0) return order.payments.some((p) => p.status === 'failed') ? 'failed' : 'unpaid';
  if (refunded === 0) return 'paid';
  return refunded >= paid - 0.005 ? 'refunded' : 'partially_refunded';
}

function requireStatus(order: DemoOrder, wanted: 'pending' | 'delivered', doing: string): void {
  if (order.status === wanted) return;
  throw new DemoStoreError('CONFLICT', `Order #${order.id} is ${order.status.replace('_', ' ')}; only ${wanted} orders can ${doing}`);
}

function requireBalance(method: DemoPaymentMethod, amount: number): void {
  if (method.type === 'gift_card' && amount > method.balance) {
    throw new DemoStoreError(
      'UNPROCESSABLE_CONTENT',
      `Gift card ${method.id} holds ${method.balance.toFixed(2)}, less than the ${amount.toFixed(2)} to pay`,
    );
  }
}

function pickItems(order: DemoOrder, itemIds: readonly string[]) {
  if (itemIds.length === 0) throw new DemoStoreError('BAD_REQUEST', 'item_ids must name at least one item');
  if (new Set(itemIds).size !== itemIds.length) throw new DemoStoreError('BAD_REQUEST', 'item_ids must not repeat an item');
  return itemIds.map((itemId) => {
    const item = order.items.find((i) => i.itemId === itemId);
    if (item === undefined) throw new DemoStoreError('UNPROCESSABLE_CONTENT', `Item ${itemId} is not in order #${order.id}`);
    return item;
  });
}

function describeOptions(options: Record<string, string>): string {
  return Object.entries(options)
    .map(([key, value]) => `${key} ${value}`)
    .join(', ');
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
