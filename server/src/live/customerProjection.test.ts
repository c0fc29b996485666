// The customer projection folds live events into current state, and late, duplicate or odd events do not regress it.
import { customerLiveStateSchema, liveEventSchema, type LiveEvent } from '@tandem/shared';
import { describe, expect, it } from 'vitest';
import { generateDemoStoreData } from '../demoStore/demoStoreData.js';
import { DemoStore } from '../demoStore/demoStoreState.js';
import {
  applyEvent,
  customerKeys,
  inventoryChange,
  keysOf,
  MAX_ORDERS,
  MAX_PAGES,
  toLiveState,
  type ProjectedCustomer,
} from './customerProjection.js';

const CUSTOMER = { email: 'Ada@Example.com', externalId: 'cus_1' };
let sequence = 0;

/** A valid event at `minute` minutes past 10:00 UTC on 2025-05-02. */
function ev(
  type: LiveEvent['type'],
  data: Record<string, unknown>,
  options: { minute?: number; id?: string; sourceVersion?: number; customer?: LiveEvent['customer']; occurredAt?: string } = {},
): LiveEvent {
  sequence += 1;
  return liveEventSchema.parse({
    id: options.id ?? `evt_${sequence}`,
    type,
    occurredAt: options.occurredAt ?? new Date(Date.UTC(2025, 4, 2, 10, options.minute ?? 0)).toISOString(),
    ...(options.sourceVersion === undefined ? {} : { sourceVersion: options.sourceVersion }),
    customer: options.customer ?? CUSTOMER,
    data,
  });
}

const at = (minute: number): string => new Date(Date.UTC(2025, 4, 2, 10, minute)).toISOString();
const fold = (events: LiveEvent[], start?: ProjectedCustomer): ProjectedCustomer =>
  events.reduce<ProjectedCustomer | undefined>((state, e) => applyEvent(state, e), start) as ProjectedCustomer;
const live = (p: ProjectedCustomer) => customerLiveStateSchema.parse(toLiveState(p));

const order = (id: string, extra: Record<string, unknown> = {}) => ({
  orderId: id,
  status: 'pending',
  total: 42.5,
  currency: 'usd',
  placedAt: '2025-05-02T09:00:00Z',
  items: [{ sku: 'SKU-1', name: 'Lamp', quantity: 1 }],
  ...extra,
});

describe('customer keys', () => {
  it('finds a customer by lowercased email or external id, and the projection key stays fixed', () => {
    expect(customerKeys(CUSTOMER)).toEqual(['email:ada@example.com', 'ext:cus_1']);
    expect(customerKeys({ email: 'x@y.io' })).toEqual(['email:x@y.io']);

    const first = applyEvent(undefined, ev('page.viewed', { url: '/a' }, { customer: { email: 'Old@Example.com' } }));
    expect(first.key).toBe('email:old@example.com');
    const renamed = fold(
      [
        ev(
          'customer.updated',
          { email: 'new@example.com', name: 'Ada L' },
          { customer: { email: 'Old@Example.com', externalId: 'cus_9' } },
        ),
      ],
      first,
    );
    expect(renamed.key).toBe('email:old@example.com');
    expect(keysOf(renamed)).toEqual(['email:old@example.com', 'email:new@example.com', 'ext:cus_9']);
    // A new projection prefers the external id, which outlives an email change.
    expect(applyEvent(undefined, ev('generic', {})).key).toBe('ext:cus_1');
  });
});

describe('orders', () => {
  it('keeps the latest status per order, newest first, and toLiveState parses', () => {
    const p = fold([
      ev('order.created', order('W1', { placedAt: '2025-05-01T09:00:00Z' }), { minute: 1 }),
      ev('order.created', order('W2'), { minute: 2 }),
      ev('order.updated', { orderId: 'W1', status: 'delivered' }, { minute: 3 }),
    ]);
    const state = live(p);
    expect(state.orders.map((o) => [o.id, o.status, o.total, o.currency])).toEqual([
      ['W2', 'pending', 42.5, 'USD'],
      ['W1', 'delivered', 42.5, 'USD'],
    ]);
    expect(state.orders[1]?.items).toEqual([{ sku: 'SKU-1', name: 'Lamp', quantity: 1 }]);
  });

  it('ignores an order update older than the one applied, by sourceVersion or else by time, and a redelivery', () => {
    const shipped = ev('order.updated', { orderId: 'W1', status: 'shipped' }, { minute: 5, sourceVersion: 3 });
    const p = fold([
      ev('order.created', order('W1'), { minute: 1, sourceVersion: 1 }),
      shipped,
      // Stamped later but an older version: the sender's version wins over clocks.
      ev('order.updated', { orderId: 'W1', status: 'paid' }, { minute: 9, sourceVersion: 2 }),
      shipped,
      ev('order.updated', { orderId: 'W1', status: 'cancelled' }, { minute: 4 }),
    ]);
    expect(live(p).orders[0]?.status).toBe('shipped');
    const after = applyEvent(p, ev('order.updated', { orderId: 'W1', status: 'delivered' }, { minute: 6 }));
    expect(live(after).orders[0]?.status).toBe('delivered');
  });

  it('lets a late order.created fill totals without undoing a newer status', () => {
    const p = fold([
      ev('order.updated', { orderId: 'W1', status: 'cancelled' }, { minute: 5 }),
      ev('order.created', order('W1', { placedAt: undefined, createdAt: '2025-05-02T09:59:00+02:00' }), { minute: 1 }),
    ]);
    expect(live(p).orders).toEqual([
      {
        id: 'W1',
        status: 'cancelled',
        total: 42.5,
        currency: 'USD',
        placedAt: '2025-05-02T07:59:00.000Z',
        items: [{ sku: 'SKU-1', name: 'Lamp', quantity: 1 }],
      },
    ]);
  });

  it('tracks an order only seen through updates but shows it only once totals are known', () => {
    const p = fold([ev('order.updated', { orderId: 'W7', status: 'cancelled' })]);
    expect(p.orders.map((o) => [o.id, o.status])).toEqual([['W7', 'cancelled']]);
    expect(live(p).orders).toEqual([]);
  });

  it('drops fields that do not validate and keeps the rest', () => {
    const p = fold([ev('order.created', order('W1', { total: '42.50', currency: 'dollars', items: [{ sku: 'A' }] }))]);
    expect(p.orders[0]).toMatchObject({ id: 'W1', status: 'pending', placedAt: '2025-05-02T09:00:00.000Z' });
    expect(p.orders[0]?.total).toBeUndefined();
    expect(p.orders[0]?.currency).toBeUndefined();
    expect(p.orders[0]?.items).toBeUndefined();
  });

  it(`keeps the newest ${MAX_ORDERS} orders and does not bring an evicted one back with a late event`, () => {
    const events = Array.from({ length: MAX_ORDERS + 3 }, (_, i) =>
      ev('order.created', order(`W${i}`, { placedAt: new Date(Date.UTC(2025, 0, 1 + i)).toISOString() }), { minute: i }),
    );
    const p = fold(events);
    expect(p.orders).toHaveLength(MAX_ORDERS);
    expect(p.orders[0]?.id).toBe(`W${MAX_ORDERS + 2}`);
    expect(p.orders.some((o) => o.id === 'W0')).toBe(false);
    const late = applyEvent(p, ev('order.updated', { orderId: 'W0', status: 'refunded' }, { minute: 50 }));
    expect(late.orders.some((o) => o.id === 'W0')).toBe(false);
    expect(late.orders).toEqual(p.orders);
  });
});

describe('payment', () => {
  it('records failure and recovery, ignoring a late failure behind a newer success', () => {
    const failed = fold([ev('payment.failed', { orderId: 'W1', amount: 42.5, currency: 'usd', reason: 'card_declined' }, { minute: 1 })]);
    expect(live(failed).payment).toEqual({ status: 'failed', lastEventAt: at(1), detail: 'card declined, order W1, 42.50 USD' });

    const recovered = fold(
      [ev('payment.succeeded', { orderId: 'W1' }, { minute: 3 }), ev('payment.failed', { reason: 'expired' }, { minute: 2 })],
      failed,
    );
    expect(live(recovered).payment).toEqual({ status: 'ok', lastEventAt: at(3), detail: 'order W1' });
  });

  it('compares sender versions only within one order: a newer payment on another order applies', () => {
    const p = fold([
      ev('payment.succeeded', { orderId: 'W1' }, { minute: 1, sourceVersion: 9 }),
      ev('payment.failed', { orderId: 'W2', reason: 'insufficient funds' }, { minute: 2, sourceVersion: 1 }),
      ev('payment.succeeded', { orderId: 'W2' }, { minute: 9, sourceVersion: 1 }),
    ]);
    expect(p.payment).toMatchObject({ status: 'failed', orderId: 'W2', lastEventAt: at(2) });
  });
});

describe('cart, pages and activity', () => {
  it('keeps the newest cart and leaves the projection untouched for an unusable cart payload', () => {
    const p = fold([
      ev('cart.updated', { items: [{ sku: 'A', name: 'Mug', quantity: 2 }] }, { minute: 5 }),
      ev('cart.updated', { items: [] }, { minute: 4 }),
    ]);
    expect(live(p).cart).toEqual({ items: [{ sku: 'A', name: 'Mug', quantity: 2 }], updatedAt: at(5) });

    const odd = applyEvent(p, ev('cart.updated', { items: [{ sku: 'B', quantity: 'two' }] }, { minute: 8 }));
    expect(odd).toEqual(p);
  });

  it('lists pages newest first, sorting late views in, without doubling a redelivery, capped', () => {
    const view = ev('page.viewed', { url: '/b' }, { minute: 2 });
    const p = fold([ev('page.viewed', { url: '/a' }, { minute: 1 }), view, ev('page.viewed', { url: '/c' }, { minute: 3 }), view]);
    const late = applyEvent(p, ev('page.viewed', { url: '/z' }, { minute: 0 }));
    expect(live(late).recentPages).toEqual([
      { url: '/c', viewedAt: at(3) },
      { url: '/b', viewedAt: at(2) },
      { url: '/a', viewedAt: at(1) },
      { url: '/z', viewedAt: at(0) },
    ]);
    const many = fold(Array.from({ length: MAX_PAGES + 5 }, (_, i) => ev('page.viewed', { url: `/p${i}` }, { minute: i })));
    expect(many.recentPages).toHaveLength(MAX_PAGES);
    expect(many.recentPages[0]?.url).toBe(`/p${MAX_PAGES + 4}`);
  });

  it('moves last activity forward only: a generic event only touches it, inventory changes nothing', () => {
    const p = fold([ev('page.viewed', { url: '/a' }, { minute: 5 }), ev('generic', { kind: 'note' }, { minute: 7 })]);
    expect(p.lastActivityAt).toBe(at(7));
    expect({ ...p, lastActivityAt: undefined }).toEqual({
      ...fold([ev('page.viewed', { url: '/a' }, { minute: 5 })]),
      lastActivityAt: undefined,
    });
    expect(applyEvent(p, ev('generic', {}, { minute: 1 })).lastActivityAt).toBe(at(7));
    expect(applyEvent(p, ev('inventory.changed', { sku: 'A', available: 0 }, { minute: 9 }))).toEqual(p);
  });

  it('reads an inventory change in the shape the brief and the demo store send', () => {
    expect(inventoryChange(ev('inventory.changed', { sku: 'A', available: 3 }))).toEqual({ sku: 'A', available: 3 });
    expect(inventoryChange(ev('inventory.changed', { itemId: '123', inventory: 0 }))).toEqual({ sku: '123', available: 0 });
    expect(inventoryChange(ev('inventory.changed', { sku: 'A' }))).toBeUndefined();
    expect(inventoryChange(ev('page.viewed', { sku: 'A', available: 3 }))).toBeUndefined();
  });

  it('does not change the state it is given', () => {
    const p = fold([ev('cart.updated', { items: [{ sku: 'A', name: 'Mug', quantity: 1 }] }), ev('order.created', order('W1'))]);
    const copy = structuredClone(p);
    applyEvent(p, ev('cart.updated', { items: [] }, { minute: 9 }));
    applyEvent(p, ev('order.updated', { orderId: 'W1', status: 'shipped' }, { minute: 9 }));
    expect(p).toEqual(copy);
  });
});

describe('customer profile', () => {
  it('takes name and email from the newest customer.updated, and an old event does not restore an old email', () => {
    const p = fold([
      ev('customer.updated', { firstName: 'Ada', lastName: 'Lovelace' }, { minute: 1 }),
      ev('customer.updated', { email: 'ada@new.example', name: 'Ada King' }, { minute: 5 }),
      ev('customer.updated', { name: 'A. Stale' }, { minute: 3 }),
      ev('order.created', order('W1'), { minute: 6 }),
    ]);
    expect(live(p).customer).toEqual({ email: 'ada@new.example', externalId: 'cus_1', name: 'Ada King' });
  });
});

describe('tickets', () => {
  it('lists open tickets, drops solved ones, and a late update does not reopen them', () => {
    const p = fold([
      ev('ticket.updated', { ticketId: 'T1', subject: 'Where is my lamp?', status: 'open' }, { minute: 1 }),
      ev('ticket.updated', { id: 'T2', subject: 'Refund', status: 'pending' }, { minute: 2 }),
      ev('ticket.updated', { ticketId: 'T1', status: 'Solved' }, { minute: 4 }),
      ev('ticket.updated', { ticketId: 'T1', status: 'open' }, { minute: 3 }),
    ]);
    expect(live(p).openTickets).toEqual([{ id: 'T2', subject: 'Refund', status: 'pending' }]);
    const reopened = applyEvent(p, ev('ticket.updated', { ticketId: 'T1', status: 'open' }, { minute: 6 }));
    expect(live(reopened).openTickets.map((t) => t.id)).toEqual(['T1', 'T2']);
  });

  it('knows since when a ticket waits for the agent', () => {
    const p = fold([
      ev('ticket.updated', { ticketId: 'T1', subject: 'Help', status: 'new' }, { minute: 1 }),
      ev('ticket.updated', { ticketId: 'T1', status: 'open' }, { minute: 2 }),
    ]);
    expect(p.tickets[0]).toMatchObject({ subject: 'Help', waitingSince: at(1) });
    const replied = applyEvent(p, ev('ticket.updated', { ticketId: 'T1', status: 'pending' }, { minute: 3 }));
    expect(replied.tickets[0]?.waitingSince).toBeUndefined();
    const again = applyEvent(replied, ev('ticket.updated', { ticketId: 'T1', status: 'open' }, { minute: 9 }));
    expect(again.tickets[0]?.waitingSince).toBe(at(9));
    const explicit = applyEvent(again, ev('ticket.updated', { ticketId: 'T1', waitingSince: null }, { minute: 10 }));
    expect(explicit.tickets[0]).toMatchObject({ status: 'open' });
    expect(explicit.tickets[0]?.waitingSince).toBeUndefined();
  });
});

describe('demo store events', () => {
  it('fold into a projection that parses as live state', () => {
    const store = new DemoStore(generateDemoStoreData(), { now: () => new Date('2025-05-02T09:00:00Z') });
    const events: LiveEvent[] = [];
    store.onChange((e) => events.push(e));
    const pending = store
      .listCustomers()
      .flatMap((c) => store.ordersOf(c.id))
      .find((o) => o.status === 'pending');
    if (pending === undefined) throw new Error('the demo data has no pending order');
    store.cancelOrder(pending.id, 'no longer needed');
    const mine = events.filter((e) => e.customer.externalId === pending.customerId);
    const p = fold(mine);
    expect(p.key).toBe(`ext:${pending.customerId}`);
    expect(p.orders.map((o) => [o.id, o.status])).toEqual([[pending.id, 'cancelled']]);
    expect(customerLiveStateSchema.safeParse(toLiveState(p)).success).toBe(true);
  });
});
