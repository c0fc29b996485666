/**
 * Live customer events as they arrive from a tenant's systems (signed webhooks) and as they are
 * pushed on to subscribers.
 */
import { z } from 'zod';

export const liveEventTypeSchema = z.enum([
  'order.created',
  'order.updated',
  'payment.failed',
  'payment.succeeded',
  'cart.updated',
  'page.viewed',
  'inventory.changed',
  'customer.updated',
  'ticket.updated',
  'generic',
]);
export type LiveEventType = z.infer<typeof liveEventTypeSchema>;

export const customerRefSchema = z
  .object({
    email: z.email().max(320).optional(),
    externalId: z.string().max(200).optional(),
  })
  .refine((c) => c.email !== undefined || c.externalId !== undefined, 'a customer needs an email or an external id');
export type CustomerRef = z.infer<typeof customerRefSchema>;

export const liveEventSchema = z.object({
  /** Sender-chosen id: a redelivery with the same id is acknowledged and ignored. */
  id: z.string().min(1).max(200),
  type: liveEventTypeSchema,
  occurredAt: z.iso.datetime({ offset: true }),
  /** Monotonic per entity at the sender when it has one; orders late events. */
  sourceVersion: z.number().int().nonnegative().optional(),
  customer: customerRefSchema,
  data: z.record(z.string(), z.unknown()),
});
export type LiveEvent = z.infer<typeof liveEventSchema>;

export const liveOrderSchema = z.object({
  id: z.string(),
  status: z.string(),
  total: z.number(),
  currency: z.string().length(3),
  placedAt: z.iso.datetime({ offset: true }),
  items: z.array(z.object({ sku: z.string(), name: z.string(), quantity: z.number().int() })).default([]),
});
export type LiveOrder = z.infer<typeof liveOrderSchema>;

/** What the assist engine, side panel and console know about a customer right now. */
export const customerLiveStateSchema = z.object({
  customer: z.object({ email: z.string().optional(), externalId: z.string().optional(), name: z.string().optional() }),
  orders: z.array(liveOrderSchema),
  payment: z
    .object({ status: z.enum(['ok', 'failed']), lastEventAt: z.iso.datetime({ offset: true }), detail: z.string().optional() })
    .optional(),
  cart: z
    .object({
      items: z.array(z.object({ sku: z.string(), name: z.string(), quantity: z.number().int() })),
      updatedAt: z.iso.datetime({ offset: true }),
    })
    .optional(),
  recentPages: z.array(z.object({ url: z.string(), viewedAt: z.iso.datetime({ offset: true }) })),
  openTickets: z.array(z.object({ id: z.string(), subject: z.string(), status: z.string() })),
});
export type CustomerLiveState = z.infer<typeof customerLiveStateSchema>;

/** The events Tandem sends to a workspace's own systems (outbound webhooks): what an endpoint may subscribe to. */
export const OUTBOUND_EVENT_TYPES = ['handoff.created', 'action.executed', 'alert.fired'] as const;
export const outboundEventTypeSchema = z.enum(OUTBOUND_EVENT_TYPES);
export type OutboundEventType = z.infer<typeof outboundEventTypeSchema>;
