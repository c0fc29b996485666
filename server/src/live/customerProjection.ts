/**
 * Folds one customer's live events into what we know about them right now (orders, payment, cart,
 * pages, open tickets, profile), and turns that into the shared CustomerLiveState. Pure: no storage,
 * no clock; the projection is plain JSON so the caller can store it as it is.
 */
import type { CustomerLiveState, LiveEvent } from '@tandem/shared';
import { z } from 'zod';

export const MAX_ORDERS = 20;
export const MAX_PAGES = 20;
export const MAX_TICKETS = 50;
const MAX_FRUSTRATION_SCOPES = 20;
/** Versions of entities no longer shown (closed tickets, evicted orders), kept so a late event cannot bring them back. */
const MAX_TOMBSTONES = 100;

const CLOSED_TICKET_STATUSES = new Set(['closed', 'solved', 'resolved']);
/** Statuses in which the next move is the agent's; 'pending' and 'hold' wait on the customer or a third party. */
const AGENT_TURN_STATUSES = new Set(['new', 'open']);

/** The last applied event for one entity; an event that is not newer than it is ignored for that entity. */
export interface EntityVersion {
  at: string;
  eventId: string;
  sourceVersion?: number;
  /** The sender entity the sourceVersion counts for, when it is not the entity itself (a payment's order). */
  scope?: string;
}

export interface LineItem {
  sku: string;
  name: string;
  quantity: number;
}

/** An order as far as the events told us; totals are unknown until an event carried them. */
export interface ProjectedOrder {
  id: string;
  status?: string;
  total?: number;
  currency?: string;
  placedAt?: string;
  items?: LineItem[];
  firstSeenAt: string;
}

export interface ProjectedPayment {
  status: 'ok' | 'failed';
  lastEventAt: string;
  detail?: string;
  eventId: string;
  paymentId?: string;
  orderId?: string;
}

export interface ProjectedCart {
  items: LineItem[];
  updatedAt: string;
  /** The event that set this cart: a new cart activity is a new id, so a new abandonment occurrence. */
  eventId: string;
}

export interface ProjectedTicket {
  id: string;
  subject?: string;
  status: string;
  updatedAt: string;
  /** Since when the ticket waits for the agent; absent when the customer or nobody is expected to move. */
  waitingSince?: string;
}

/** The latest frustration score for one conversation or ticket (scope), as an analysis reported it. */
export interface FrustrationReading {
  scope: string;
  score: number;
  at: string;
  eventId: string;
  ticketId?: string;
}

export interface ProjectedCustomer {
  /** Fixed when the projection is created, so occurrence keys stay stable when more identifiers arrive. */
  key: string;
  customer: { email?: string; externalId?: string; name?: string };
  /** Newest first by placedAt (first sight when unknown). */
  orders: ProjectedOrder[];
  payment?: ProjectedPayment;
  cart?: ProjectedCart;
  /** Newest first. */
  recentPages: { url: string; viewedAt: string }[];
  /** Open tickets only, newest update first; closed ones leave and keep a version. */
  tickets: ProjectedTicket[];
  frustration: FrustrationReading[];
  lastActivityAt?: string;
  versions: Record<string, EntityVersion>;
}

type IdentityRef = { email?: string | undefined; externalId?: string | undefined };

/** Every key a customer can be found by: `email:<lowercased>` and `ext:<externalId>`. */
export function customerKeys(ref: IdentityRef): string[] {
  const keys: string[] = [];
  const email = ref.email?.trim().toLowerCase();
  if (email !== undefined && email !== '') keys.push(`email:${email}`);
  if (ref.externalId !== undefined && ref.externalId !== '') keys.push(`ext:${ref.externalId}`);
  return keys;
}

/** The keys a stored projection should be indexed under: its own key and the current identifiers. */
export function keysOf(projected: ProjectedCustomer): string[] {
  return [...new Set([projected.key, ...customerKeys(projected.customer)])];
}

/** A timestamp as UTC ISO, so stored times compare as strings whatever offset the sender used. */
export function isoInstant(value: string): string | undefined {
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

export function isClosedTicketStatus(status: string): boolean {
  return CLOSED_TICKET_STATUSES.has(status.toLowerCase());
}

// Payload fields: each is checked on its own and dropped when it does not validate, so one odd field
// from a sender costs that field, not the event.
function field<T>(schema: z.ZodType<T>): z.ZodType<T | undefined> {
  return schema.optional().catch(undefined);
}
const text = (max: number) => z.string().trim().min(1).max(max);
const instant = z.iso
  .datetime({ offset: true })
  .transform((s) => isoInstant(s))
  .pipe(z.string());
const lineItemSchema = z.object({ sku: text(200), name: text(500), quantity: z.number().int().nonnegative() });
const lineItems = z.array(lineItemSchema).max(500);

const orderPayloadSchema = z.object({
  orderId: field(text(200)),
  id: field(text(200)),
  status: field(text(100)),
  total: field(z.number()),
  currency: field(
    z
      .string()
      .regex(/^[A-Za-z]{3}$/)
      .transform((c) => c.toUpperCase()),
  ),
  placedAt: field(instant),
  createdAt: field(instant),
  items: field(lineItems),
});
const paymentPayloadSchema = z.object({
  orderId: field(text(200)),
  paymentId: field(text(200)),
  amount: field(z.number()),
  currency: field(z.string().regex(/^[A-Za-z]{3}$/)),
  reason: field(text(500)),
});
const cartPayloadSchema = z.object({ items: field(lineItems) });
const pagePayloadSchema = z.object({ url: field(text(2048)) });
const customerPayloadSchema = z.object({
  name: field(text(300)),
  firstName: field(text(150)),
  lastName: field(text(150)),
  email: field(z.email().max(320)),
});
const ticketPayloadSchema = z.object({
  ticketId: field(text(200)),
  id: field(text(200)),
  subject: field(z.string().max(1000)),
  status: field(text(100)),
  // null says the ticket no longer waits for the agent (they replied); absent lets the status decide.
  waitingSince: field(instant.nullable()),
  frustration: field(z.number().min(0).max(1)),
});
const analysisPayloadSchema = z.object({
  frustration: field(z.number().min(0).max(1)),
  ticketId: field(text(200)),
  conversationId: field(text(200)),
});
const inventoryPayloadSchema = z.object({
  sku: field(text(200)),
  itemId: field(text(200)),
  available: field(z.number().int()),
  inventory: field(z.number().int()),
});

/** An inventory.changed event's stock level, for triggers (it is about a product, not a customer). */
export function inventoryChange(event: LiveEvent): { sku: string; available: number } | undefined {
  if (event.type !== 'inventory.changed') return undefined;
  const data = inventoryPayloadSchema.parse(event.data);
  const sku = data.sku ?? data.itemId;
  const available = data.available ?? data.inventory;
  return sku === undefined || available === undefined ? undefined : { sku, available };
}

/**
 * The projection after one more event; the input is not changed. Events may arrive late, twice or
 * out of order: an entity (an order, the cart, the payment, the profile, a ticket) only takes an
 * event newer than the last one it took.
 */
export function applyEvent(state: ProjectedCustomer | undefined, event: LiveEvent): ProjectedCustomer {
  const next: ProjectedCustomer =
    state === undefined
      ? {
          key: customerKeys({ externalId: event.customer.externalId })[0] ?? customerKeys(event.customer)[0] ?? `event:${event.id}`,
          customer: {},
          orders: [],
          recentPages: [],
          tickets: [],
          frustration: [],
          versions: {},
        }
      : structuredClone(state);
  const at = isoInstant(event.occurredAt);
  if (at === undefined) return next;
  fillIdentity(next, event.customer);
  const version: EntityVersion = {
    at,
    eventId: event.id,
    ...(event.sourceVersion === undefined ? {} : { sourceVersion: event.sourceVersion }),
  };
  if (applyPayload(next, event, version) && (next.lastActivityAt === undefined || next.lastActivityAt < at)) next.lastActivityAt = at;
  prune(next);
  return next;
}

/** The projection as the assist engine, side panel and console read it. */
export function toLiveState(projected: ProjectedCustomer): CustomerLiveState {
  const { email, externalId, name } = projected.customer;
  const orders: CustomerLiveState['orders'] = [];
  for (const o of projected.orders) {
    // The shared shape needs totals and a date; an order only seen through updates without them waits until one arrives.
    if (o.status === undefined || o.total === undefined || o.currency === undefined || o.placedAt === undefined) continue;
    orders.push({
      id: o.id,
      status: o.status,
      total: o.total,
      currency: o.currency,
      placedAt: o.placedAt,
      items: (o.items ?? []).map((i) => ({ ...i })),
    });
  }
  const payment = projected.payment;
  const cart = projected.cart;
  return {
    customer: {
      ...(email === undefined ? {} : { email }),
      ...(externalId === undefined ? {} : { externalId }),
      ...(name === undefined ? {} : { name }),
    },
    orders,
    ...(payment === undefined
      ? {}
      : {
          payment: {
            status: payment.status,
            lastEventAt: payment.lastEventAt,
            ...(payment.detail === undefined ? {} : { detail: payment.detail }),
          },
        }),
    ...(cart === undefined ? {} : { cart: { items: cart.items.map((i) => ({ ...i })), updatedAt: cart.updatedAt } }),
    recentPages: projected.recentPages.map((p) => ({ ...p })),
    openTickets: projected.tickets.map((t) => ({ id: t.id, subject: t.subject ?? '', status: t.status })),
  };
}

/** Whether `candidate` should replace what `applied` set. Equal times from different events: the later arrival wins. */
function isNewer(candidate: EntityVersion, applied: EntityVersion | undefined): boolean {
  if (applied === undefined) return true;
  if (candidate.eventId === applied.eventId) return false;
  // A sender's version only orders events about the same sender entity; across entities only time does.
  if (candidate.sourceVersion !== undefined && applied.sourceVersion !== undefined && candidate.scope === applied.scope)
    return candidate.sourceVersion > applied.sourceVersion;
  return candidate.at >= applied.at;
}

function fillIdentity(p: ProjectedCustomer, ref: IdentityRef): void {
  // Only fills gaps: an old event must not put back an email a customer.updated replaced.
  if (p.customer.email === undefined && ref.email !== undefined) p.customer.email = ref.email;
  if (p.customer.externalId === undefined && ref.externalId !== undefined) p.customer.externalId = ref.externalId;
}

/** Returns false when the payload is unusable or not about the customer, so nothing (not even activity) changes. */
function applyPayload(p: ProjectedCustomer, event: LiveEvent, version: EntityVersion): boolean {
  switch (event.type) {
    case 'order.created':
    case 'order.updated':
      return applyOrder(p, event, version);
    case 'payment.failed':
    case 'payment.succeeded':
      return applyPayment(p, event, version);
    case 'cart.updated': {
      const { items } = cartPayloadSchema.parse(event.data);
      if (items === undefined) return false;
      if (isNewer(version, p.versions.cart)) {
        p.cart = { items, updatedAt: version.at, eventId: event.id };
        p.versions.cart = version;
      }
      return true;
    }
    case 'page.viewed': {
      const { url } = pagePayloadSchema.parse(event.data);
      if (url === undefined) return false;
      // Pages have no version: a redelivery is the same url at the same time, and late views sort into place.
      if (!p.recentPages.some((v) => v.url === url && v.viewedAt === version.at)) {
        p.recentPages.push({ url, viewedAt: version.at });
        p.recentPages.sort((a, b) => compareDesc(a.viewedAt, b.viewedAt));
      }
      return true;
    }
    case 'customer.updated': {
      const data = customerPayloadSchema.parse(event.data);
      if (isNewer(version, p.versions.customer)) {
        const joined = [data.firstName, data.lastName].filter((s) => s !== undefined).join(' ');
        const name = data.name ?? (joined === '' ? undefined : joined);
        if (name !== undefined) p.customer.name = name;
        const email = data.email ?? event.customer.email;
        if (email !== undefined) p.customer.email = email;
        if (event.customer.externalId !== undefined) p.customer.externalId = event.customer.externalId;
        p.versions.customer = version;
      }
      return true;
    }
    case 'ticket.updated':
      return applyTicket(p, event, version);
    case 'generic': {
      const data = analysisPayloadSchema.parse(event.data);
      if (data.frustration !== undefined) {
        const scope =
          data.ticketId !== undefined
            ? `ticket:${data.ticketId}`
            : data.conversationId !== undefined
              ? `conversation:${data.conversationId}`
              : 'customer';
        recordFrustration(p, scope, data.frustration, data.ticketId, version);
      }
      return true;
    }
    case 'inventory.changed':
      return false;
  }
}

function applyOrder(p: ProjectedCustomer, event: LiveEvent, version: EntityVersion): boolean {
  const data = orderPayloadSchema.parse(event.data);
  const id = data.orderId ?? data.id;
  if (id === undefined) return false;
  const key = `order:${id}`;
  const newer = isNewer(version, p.versions[key]);
  let order = p.orders.find((o) => o.id === id);
  if (order === undefined) {
    // A version without an order is one the cap evicted: an update to an old order does not push out a newer one.
    if (p.versions[key] !== undefined) return true;
    order = { id, firstSeenAt: version.at };
    p.orders.push(order);
  }
  const placedAt = data.placedAt ?? data.createdAt ?? (event.type === 'order.created' ? version.at : undefined);
  const fields: Omit<ProjectedOrder, 'id' | 'firstSeenAt'> = {
    status: data.status ?? (event.type === 'order.created' ? 'created' : undefined),
    total: data.total,
    currency: data.currency,
    placedAt,
    items: data.items,
  };
  for (const name of ['status', 'total', 'currency', 'placedAt', 'items'] as const) {
    // A newer event overwrites what it carries; an older one only fills what nobody told us yet.
    if (fields[name] !== undefined && (newer || order[name] === undefined)) assign(order, name, fields[name]);
  }
  if (newer) p.versions[key] = version;
  p.orders.sort((a, b) => compareDesc(a.placedAt ?? a.firstSeenAt, b.placedAt ?? b.firstSeenAt));
  return true;
}

function assign<K extends keyof ProjectedOrder>(order: ProjectedOrder, name: K, value: ProjectedOrder[K]): void {
  order[name] = value;
}

function applyPayment(p: ProjectedCustomer, event: LiveEvent, version: EntityVersion): boolean {
  const data = paymentPayloadSchema.parse(event.data);
  const scoped: EntityVersion = { ...version, ...(data.orderId === undefined ? {} : { scope: `order:${data.orderId}` }) };
  if (!isNewer(scoped, p.versions.payment)) return true;
  const status = event.type === 'payment.failed' ? 'failed' : 'ok';
  const parts = [
    status === 'failed' ? data.reason?.replace(/_/g, ' ') : undefined,
    data.orderId === undefined ? undefined : `order ${data.orderId}`,
    data.amount === undefined
      ? undefined
      : `${data.amount.toFixed(2)}${data.currency === undefined ? '' : ` ${data.currency.toUpperCase()}`}`,
  ].filter((s) => s !== undefined);
  p.payment = {
    status,
    lastEventAt: version.at,
    eventId: event.id,
    ...(parts.length === 0 ? {} : { detail: parts.join(', ') }),
    ...(data.paymentId === undefined ? {} : { paymentId: data.paymentId }),
    ...(data.orderId === undefined ? {} : { orderId: data.orderId }),
  };
  p.versions.payment = scoped;
  return true;
}

function applyTicket(p: ProjectedCustomer, event: LiveEvent, version: EntityVersion): boolean {
  const data = ticketPayloadSchema.parse(event.data);
  const id = data.ticketId ?? data.id;
  if (id === undefined) return false;
  if (data.frustration !== undefined) recordFrustration(p, `ticket:${id}`, data.frustration, id, version);
  const key = `ticket:${id}`;
  const index = p.tickets.findIndex((t) => t.id === id);
  const current = p.tickets[index];
  if (!isNewer(version, p.versions[key])) {
    if (current !== undefined && current.subject === undefined && data.subject !== undefined) current.subject = data.subject;
    return true;
  }
  p.versions[key] = version;
  // An update to a ticket we never saw says it exists; without a status, it is taken as open.
  const status = data.status ?? current?.status ?? 'open';
  if (isClosedTicketStatus(status)) {
    if (index >= 0) p.tickets.splice(index, 1);
    return true;
  }
  const waitingSince =
    data.waitingSince === null
      ? undefined
      : (data.waitingSince ?? (AGENT_TURN_STATUSES.has(status.toLowerCase()) ? (current?.waitingSince ?? version.at) : undefined));
  const subject = data.subject ?? current?.subject;
  const ticket: ProjectedTicket = {
    id,
    status,
    updatedAt: version.at,
    ...(subject === undefined ? {} : { subject }),
    ...(waitingSince === undefined ? {} : { waitingSince }),
  };
  if (index >= 0) p.tickets.splice(index, 1);
  p.tickets.push(ticket);
  p.tickets.sort((a, b) => compareDesc(a.updatedAt, b.updatedAt));
  return true;
}

function recordFrustration(p: ProjectedCustomer, scope: string, score: number, ticketId: string | undefined, version: EntityVersion): void {
  const key = `frustration:${scope}`;
  if (!isNewer(version, p.versions[key])) return;
  p.versions[key] = version;
  p.frustration = p.frustration.filter((r) => r.scope !== scope);
  p.frustration.push({ scope, score, at: version.at, eventId: version.eventId, ...(ticketId === undefined ? {} : { ticketId }) });
  p.frustration.sort((a, b) => compareDesc(a.at, b.at));
}

function prune(p: ProjectedCustomer): void {
  p.orders.splice(MAX_ORDERS);
  p.recentPages.splice(MAX_PAGES);
  p.tickets.splice(MAX_TICKETS);
  p.frustration.splice(MAX_FRUSTRATION_SCOPES);
  const live = new Set([
    'cart',
    'payment',
    'customer',
    ...p.orders.map((o) => `order:${o.id}`),
    ...p.tickets.map((t) => `ticket:${t.id}`),
    ...p.frustration.map((r) => `frustration:${r.scope}`),
  ]);
  const entries = Object.entries(p.versions);
  const tombstones = entries.filter(([key]) => !live.has(key)).sort(([, a], [, b]) => compareDesc(a.at, b.at));
  if (tombstones.length <= MAX_TOMBSTONES) return;
  const dropped = new Set(tombstones.slice(MAX_TOMBSTONES).map(([key]) => key));
  p.versions = Object.fromEntries(entries.filter(([key]) => !dropped.has(key)));
}

function compareDesc(a: string, b: string): number {
  return a < b ? 1 : a > b ? -1 : 0;
}
