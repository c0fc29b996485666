/**
 * A tenant's proactive trigger rules and the evaluator that decides, from customer projections and a
 * given time, which triggers fire. Pure and deterministic: every firing carries an occurrence key, and
 * the caller fires each key once (it stores the keys), however often it evaluates.
 */
import type { LiveEvent } from '@tandem/shared';
import { z } from 'zod';
import { isClosedTicketStatus, isoInstant, type ProjectedCustomer } from './customerProjection.js';

const WEEK_MINUTES = 7 * 24 * 60;

export const triggerRulesSchema = z.object({
  cartAbandoned: z
    .object({ enabled: z.boolean().default(true), afterMinutes: z.number().int().min(1).max(WEEK_MINUTES).default(30) })
    .prefault({}),
  paymentFailed: z.object({ enabled: z.boolean().default(true) }).prefault({}),
  frustration: z.object({ enabled: z.boolean().default(true), threshold: z.number().min(0).max(1).default(0.7) }).prefault({}),
  slaWait: z
    .object({ enabled: z.boolean().default(true), afterMinutes: z.number().int().min(1).max(WEEK_MINUTES).default(60) })
    .prefault({}),
  /**
   * Events and cart abandonments older than this do not fire: a backfill or a replay after an outage
   * must not alert agents about last week. SLA waits have no such limit, the ticket still waits.
   */
  staleAfterMinutes: z
    .number()
    .int()
    .min(1)
    .max(WEEK_MINUTES)
    .default(24 * 60),
});
export type TriggerRules = z.output<typeof triggerRulesSchema>;
export type TriggerRulesInput = z.input<typeof triggerRulesSchema>;

export const defaultTriggerRules: TriggerRules = triggerRulesSchema.parse({});

export const triggerKinds = ['cart-abandoned', 'payment-failed', 'frustration', 'sla-wait'] as const;
export type TriggerKind = (typeof triggerKinds)[number];

export interface TriggerFiring {
  kind: TriggerKind;
  customerKey: string;
  /** The same occurrence always gets the same key; the caller fires a key once. */
  occurrenceKey: string;
  title: string;
  detail: string;
  /** When the condition became true (the event's time, or the due time), not when it was evaluated. */
  at: string;
}

const MINUTE_MS = 60_000;

/** Triggers an event fires as it is applied: `before` and `after` are the projection around applying it. */
export function evaluateOnEvent(
  rules: TriggerRules,
  before: ProjectedCustomer | undefined,
  after: ProjectedCustomer,
  event: LiveEvent,
  now: Date,
): TriggerFiring[] {
  const at = isoInstant(event.occurredAt);
  if (at === undefined || now.getTime() - Date.parse(at) > rules.staleAfterMinutes * MINUTE_MS) return [];
  const firings: TriggerFiring[] = [];
  const payment = after.payment;
  // Only a failure the projection took counts: a late failure behind a newer success is history, not news.
  if (
    rules.paymentFailed.enabled &&
    event.type === 'payment.failed' &&
    payment?.status === 'failed' &&
    payment.eventId === event.id &&
    before?.payment?.eventId !== event.id
  ) {
    firings.push({
      kind: 'payment-failed',
      customerKey: after.key,
      occurrenceKey: `payment-failed:${payment.paymentId ?? event.id}`,
      title: 'Payment failed',
      detail: payment.detail === undefined ? 'A payment failed.' : `A payment failed: ${payment.detail}.`,
      at,
    });
  }
  if (rules.frustration.enabled) {
    const threshold = rules.frustration.threshold;
    for (const reading of after.frustration) {
      if (reading.eventId !== event.id || reading.score < threshold) continue;
      // Fires on crossing the threshold, not on every analysis that stays above it.
      const previous = before?.frustration.find((r) => r.scope === reading.scope);
      if (previous !== undefined && previous.score >= threshold) continue;
      firings.push({
        kind: 'frustration',
        customerKey: after.key,
        occurrenceKey: `frustration:${after.key}:${reading.scope}:${event.id}`,
        title: 'Customer seems frustrated',
        detail: `Frustration ${reading.score.toFixed(2)}${reading.ticketId === undefined ? '' : ` on ticket ${reading.ticketId}`} (threshold ${threshold.toFixed(2)}).`,
        at,
      });
    }
  }
  return firings;
}

/** Time-based triggers due at `now` for these customers, ordered by due time. */
export function dueTriggers(rules: TriggerRules, customers: Iterable<ProjectedCustomer>, now: Date): TriggerFiring[] {
  const nowMs = now.getTime();
  const firings: TriggerFiring[] = [];
  for (const c of customers) {
    const abandoned = rules.cartAbandoned.enabled ? cartAbandonment(c, rules) : undefined;
    if (abandoned !== undefined && abandoned.dueMs <= nowMs && nowMs - abandoned.dueMs <= rules.staleAfterMinutes * MINUTE_MS) {
      firings.push({
        kind: 'cart-abandoned',
        customerKey: c.key,
        occurrenceKey: `cart-abandoned:${c.key}:${abandoned.cartEventId}`,
        title: 'Cart abandoned',
        detail: `No activity for ${rules.cartAbandoned.afterMinutes} minutes with ${abandoned.summary} in the cart.`,
        at: new Date(abandoned.dueMs).toISOString(),
      });
    }
    if (!rules.slaWait.enabled) continue;
    for (const t of c.tickets) {
      if (t.waitingSince === undefined || isClosedTicketStatus(t.status)) continue;
      const dueMs = Date.parse(t.waitingSince) + rules.slaWait.afterMinutes * MINUTE_MS;
      if (dueMs > nowMs) continue;
      const subject = t.subject === undefined || t.subject === '' ? '' : ` "${t.subject}"`;
      firings.push({
        kind: 'sla-wait',
        customerKey: c.key,
        occurrenceKey: `sla:${t.id}:${t.waitingSince}`,
        title: 'Ticket waiting for a reply',
        detail: `Ticket ${t.id}${subject} has waited for the agent since ${t.waitingSince}, over ${rules.slaWait.afterMinutes} minutes.`,
        at: new Date(dueMs).toISOString(),
      });
    }
  }
  return firings.sort((a, b) => (a.at === b.at ? compare(a.occurrenceKey, b.occurrenceKey) : compare(a.at, b.at)));
}

function cartAbandonment(c: ProjectedCustomer, rules: TriggerRules): { dueMs: number; cartEventId: string; summary: string } | undefined {
  const cart = c.cart;
  const items = cart?.items.filter((i) => i.quantity > 0) ?? [];
  if (cart === undefined || items.length === 0) return undefined;
  // A shop that does not empty the cart on checkout still sent the order: an order since the cart changed is no abandonment.
  if (c.orders.some((o) => (o.placedAt ?? o.firstSeenAt) >= cart.updatedAt)) return undefined;
  // Any later activity (browsing, a profile change) postpones the trigger; only a cart change makes a new occurrence.
  const lastActivity = c.lastActivityAt !== undefined && c.lastActivityAt > cart.updatedAt ? c.lastActivityAt : cart.updatedAt;
  const count = items.reduce((sum, i) => sum + i.quantity, 0);
  const names = items.slice(0, 3).map((i) => `${i.quantity} × ${i.name}`);
  if (items.length > 3) names.push(`${items.length - 3} more`);
  return {
    dueMs: Date.parse(lastActivity) + rules.cartAbandoned.afterMinutes * MINUTE_MS,
    cartEventId: cart.eventId,
    summary: `${count} item${count === 1 ? '' : 's'} (${names.join(', ')})`,
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
