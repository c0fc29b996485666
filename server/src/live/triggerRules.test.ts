// Triggers fire once per occurrence across repeated evaluation, not before their time, again for a new occurrence, never when disabled.
import { liveEventSchema, type LiveEvent } from '@tandem/shared';
import { describe, expect, it } from 'vitest';
import { applyEvent, type ProjectedCustomer } from './customerProjection.js';
import {
  defaultTriggerRules,
  dueTriggers,
  evaluateOnEvent,
  triggerRulesSchema,
  type TriggerFiring,
  type TriggerRules,
  type TriggerRulesInput,
} from './triggerRules.js';

const BASE = Date.UTC(2025, 4, 2, 10, 0);
const minute = (m: number): Date => new Date(BASE + m * 60_000);
let sequence = 0;

function ev(type: LiveEvent['type'], data: Record<string, unknown>, m: number, id?: string): LiveEvent {
  sequence += 1;
  return liveEventSchema.parse({
    id: id ?? `evt_${sequence}`,
    type,
    occurredAt: minute(m).toISOString(),
    customer: { email: 'ada@example.com', externalId: 'cus_1' },
    data,
  });
}

const rules = (input: TriggerRulesInput = {}): TriggerRules => triggerRulesSchema.parse(input);

/** The caller as the brief describes it: applies events, evaluates, and fires each occurrence key once. */
class Harness {
  state: ProjectedCustomer | undefined;
  readonly fired: TriggerFiring[] = [];
  readonly #seen = new Set<string>();
  constructor(readonly rules: TriggerRules) {}

  receive(event: LiveEvent, now: Date = new Date(event.occurredAt)): TriggerFiring[] {
    const before = this.state;
    this.state = applyEvent(before, event);
    return this.#fire(evaluateOnEvent(this.rules, before, this.state, event, now));
  }

  tick(now: Date): TriggerFiring[] {
    return this.#fire(dueTriggers(this.rules, this.state === undefined ? [] : [this.state], now));
  }

  #fire(firings: TriggerFiring[]): TriggerFiring[] {
    const fresh = firings.filter((f) => !this.#seen.has(f.occurrenceKey));
    for (const f of fresh) this.#seen.add(f.occurrenceKey);
    this.fired.push(...fresh);
    return fresh;
  }
}

const cart = (m: number, quantity = 1) => ev('cart.updated', { items: [{ sku: 'A', name: 'Mug', quantity }] }, m);

describe('trigger rules', () => {
  it('default to the documented values, each enableable', () => {
    expect(defaultTriggerRules).toEqual({
      cartAbandoned: { enabled: true, afterMinutes: 30 },
      paymentFailed: { enabled: true },
      frustration: { enabled: true, threshold: 0.7 },
      slaWait: { enabled: true, afterMinutes: 60 },
      staleAfterMinutes: 1440,
    });
    expect(rules({ cartAbandoned: { enabled: false } }).cartAbandoned).toEqual({ enabled: false, afterMinutes: 30 });
    expect(triggerRulesSchema.safeParse({ frustration: { threshold: 1.5 } }).success).toBe(false);
  });
});

describe('cart abandoned', () => {
  it('fires once after the quiet period, not before, and again after new cart activity', () => {
    const h = new Harness(defaultTriggerRules);
    h.receive(cart(0));
    h.receive(ev('page.viewed', { url: '/checkout' }, 10));
    expect(h.tick(minute(39))).toEqual([]);
    const [first, ...rest] = h.tick(minute(40));
    expect(rest).toEqual([]);
    expect(first).toMatchObject({ kind: 'cart-abandoned', customerKey: 'ext:cus_1', at: minute(40).toISOString() });
    expect(first?.detail).toContain('1 × Mug');
    expect(h.tick(minute(41))).toEqual([]);
    expect(h.tick(minute(300))).toEqual([]);

    // Browsing alone postpones but does not re-arm the same cart.
    h.receive(ev('page.viewed', { url: '/home' }, 310));
    expect(h.tick(minute(400))).toEqual([]);

    h.receive(cart(410, 2));
    expect(h.tick(minute(439))).toEqual([]);
    const second = h.tick(minute(440));
    expect(second).toHaveLength(1);
    expect(second[0]?.occurrenceKey).not.toBe(first?.occurrenceKey);
    expect(h.fired).toHaveLength(2);
  });

  it('does not fire for an empty cart, a cart checked out as an order, a stale cart, or when disabled', () => {
    const empty = new Harness(defaultTriggerRules);
    empty.receive(cart(0, 0));
    expect(empty.tick(minute(60))).toEqual([]);

    const bought = new Harness(defaultTriggerRules);
    bought.receive(cart(0));
    bought.receive(ev('order.created', { orderId: 'W1', total: 5, currency: 'USD' }, 5));
    expect(bought.tick(minute(60))).toEqual([]);

    const stale = new Harness(defaultTriggerRules);
    stale.receive(cart(0));
    expect(stale.tick(minute(30 + 1441))).toEqual([]);

    const off = new Harness(rules({ cartAbandoned: { enabled: false } }));
    off.receive(cart(0));
    expect(off.tick(minute(60))).toEqual([]);

    const sooner = new Harness(rules({ cartAbandoned: { afterMinutes: 5 } }));
    sooner.receive(cart(0));
    expect(sooner.tick(minute(5))).toHaveLength(1);
  });
});

describe('payment failed', () => {
  it('fires once per failed payment, including for a redelivery, and again for a new failure', () => {
    const h = new Harness(defaultTriggerRules);
    const failed = ev('payment.failed', { orderId: 'W1', reason: 'card_declined' }, 0);
    const [firing] = h.receive(failed);
    expect(firing).toMatchObject({ kind: 'payment-failed', occurrenceKey: `payment-failed:${failed.id}`, at: minute(0).toISOString() });
    expect(firing?.detail).toBe('A payment failed: card declined, order W1.');
    expect(h.receive(failed)).toEqual([]);
    // Without the caller's dedupe, a redelivery still fires nothing: the projection already took it.
    expect(evaluateOnEvent(defaultTriggerRules, h.state, applyEvent(h.state, failed), failed, minute(1))).toEqual([]);

    h.receive(ev('payment.failed', { orderId: 'W1', paymentId: 'pay_2' }, 5));
    h.receive(ev('payment.failed', { orderId: 'W1', paymentId: 'pay_2', reason: 'again' }, 6));
    expect(h.fired.map((f) => f.occurrenceKey)).toEqual([`payment-failed:${failed.id}`, 'payment-failed:pay_2']);
  });

  it('does not fire for a late failure behind a newer success, for a stale event, or when disabled', () => {
    const h = new Harness(defaultTriggerRules);
    h.receive(ev('payment.succeeded', { orderId: 'W1' }, 10));
    expect(h.receive(ev('payment.failed', { orderId: 'W1' }, 5), minute(11))).toEqual([]);
    expect(h.receive(ev('payment.failed', { orderId: 'W2' }, 20), minute(20 + 1441))).toEqual([]);

    const off = new Harness(rules({ paymentFailed: { enabled: false } }));
    expect(off.receive(ev('payment.failed', {}, 0))).toEqual([]);
  });
});

describe('frustration', () => {
  it('fires when a score crosses the threshold, not while it stays above, and again after it fell', () => {
    const h = new Harness(defaultTriggerRules);
    expect(h.receive(ev('generic', { kind: 'conversation.analyzed', conversationId: 'c1', frustration: 0.4 }, 0))).toEqual([]);
    const [up] = h.receive(ev('generic', { kind: 'conversation.analyzed', conversationId: 'c1', frustration: 0.8 }, 1));
    expect(up).toMatchObject({ kind: 'frustration', customerKey: 'ext:cus_1' });
    expect(h.receive(ev('generic', { conversationId: 'c1', frustration: 0.9 }, 2))).toEqual([]);
    h.receive(ev('generic', { conversationId: 'c1', frustration: 0.2 }, 3));
    expect(h.receive(ev('generic', { conversationId: 'c1', frustration: 0.75 }, 4))).toHaveLength(1);
    // A late reading does not count as a crossing.
    expect(h.receive(ev('generic', { conversationId: 'c1', frustration: 0.99 }, 2.5), minute(5))).toEqual([]);
    // Another ticket is its own scope.
    const [ticket] = h.receive(ev('ticket.updated', { ticketId: 'T9', subject: 'Angry', status: 'open', frustration: 0.7 }, 6));
    expect(ticket?.detail).toContain('ticket T9');
    expect(h.fired).toHaveLength(3);
  });

  it('respects the threshold and the switch', () => {
    const strict = new Harness(rules({ frustration: { threshold: 0.95 } }));
    expect(strict.receive(ev('generic', { frustration: 0.9 }, 0))).toEqual([]);
    const off = new Harness(rules({ frustration: { enabled: false } }));
    expect(off.receive(ev('generic', { frustration: 1 }, 0))).toEqual([]);
  });
});

describe('SLA wait', () => {
  it('fires once when a ticket waits for the agent too long, and again for a new wait', () => {
    const h = new Harness(defaultTriggerRules);
    h.receive(ev('ticket.updated', { ticketId: 'T1', subject: 'Lamp broken', status: 'new' }, 0));
    h.receive(ev('ticket.updated', { ticketId: 'T1', status: 'open' }, 30));
    expect(h.tick(minute(59))).toEqual([]);
    const [first] = h.tick(minute(60));
    expect(first).toMatchObject({ kind: 'sla-wait', occurrenceKey: `sla:T1:${minute(0).toISOString()}`, at: minute(60).toISOString() });
    expect(first?.detail).toContain('"Lamp broken"');
    expect(h.tick(minute(2000))).toEqual([]);

    h.receive(ev('ticket.updated', { ticketId: 'T1', status: 'pending' }, 70));
    expect(h.tick(minute(200))).toEqual([]);
    h.receive(ev('ticket.updated', { ticketId: 'T1', status: 'open' }, 210));
    expect(h.tick(minute(269))).toEqual([]);
    expect(h.tick(minute(270))).toHaveLength(1);
    expect(h.fired).toHaveLength(2);
  });

  it('does not fire for solved tickets or when disabled', () => {
    const solved = new Harness(defaultTriggerRules);
    solved.receive(ev('ticket.updated', { ticketId: 'T1', status: 'open' }, 0));
    solved.receive(ev('ticket.updated', { ticketId: 'T1', status: 'solved' }, 10));
    expect(solved.tick(minute(120))).toEqual([]);
    const off = new Harness(rules({ slaWait: { enabled: false } }));
    off.receive(ev('ticket.updated', { ticketId: 'T1', status: 'open' }, 0));
    expect(off.tick(minute(120))).toEqual([]);
  });
});

describe('due triggers across customers', () => {
  it('are ordered by due time and the same for the same input', () => {
    const a = [cart(0), ev('ticket.updated', { ticketId: 'T1', status: 'open' }, 0)].reduce<ProjectedCustomer | undefined>(
      (s, e) => applyEvent(s, e),
      undefined,
    );
    if (a === undefined) throw new Error('no projection');
    const first = dueTriggers(defaultTriggerRules, [a], minute(120));
    expect(first.map((f) => f.kind)).toEqual(['cart-abandoned', 'sla-wait']);
    expect(dueTriggers(defaultTriggerRules, [a], minute(120))).toEqual(first);
  });
});
