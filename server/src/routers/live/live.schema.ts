import { customerLiveStateSchema, customerRefSchema, OUTBOUND_EVENT_TYPES, outboundEventTypeSchema } from '@tandem/shared';
import { z } from 'zod';

export const customerStateInput = z.object({
  customer: customerRefSchema,
  /** Set by the tRPC client when it reconnects. */
  lastEventId: z.string().max(100).optional(),
});
export const customerStateOutput = customerLiveStateSchema.nullable();

export const alertsInput = z.object({ lastEventId: z.string().max(100).optional() });

export const notificationSchema = z.object({
  seq: z.number().int(),
  kind: z.string(),
  customerKey: z.string(),
  title: z.string(),
  detail: z.string(),
  at: z.string(),
});

export const createSourceInput = z.object({ name: z.string().trim().min(1).max(100) });
export const createdSourceOutput = z.object({
  id: z.string(),
  name: z.string(),
  /** Shown once: the sender signs with it (`Tandem-Signature: t=…,v1=<HMAC-SHA256 of "t.body">`). */
  secret: z.string(),
  /** Where the sender posts, relative to the server's URL. */
  path: z.string(),
});
export const listSourcesOutput = z.array(z.object({ id: z.string(), name: z.string(), createdAt: z.string() }));

/** An endpoint of the tenant's that hears about Tandem's events; http(s), no credentials in the URL. */
export const createOutboundInput = z.object({
  url: z
    .string()
    .trim()
    .max(2_000)
    .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), 'An http or https URL')
    .refine((value) => !URL.canParse(value) || (new URL(value).username === '' && new URL(value).password === ''), {
      message: 'Put credentials in the signature secret, not the URL',
    }),
  eventTypes: z.array(outboundEventTypeSchema).min(1).max(OUTBOUND_EVENT_TYPES.length),
});
export const createdOutboundOutput = z.object({
  id: z.string(),
  url: z.string(),
  eventTypes: z.array(outboundEventTypeSchema),
  /** Shown once: the receiver verifies `Tandem-Signature: t=…,v1=<HMAC-SHA256 of "t.body">` with it. */
  secret: z.string(),
});
export const listOutboundOutput = z.array(
  z.object({
    id: z.string(),
    url: z.string(),
    eventTypes: z.array(outboundEventTypeSchema),
    createdAt: z.string(),
    disabledAt: z.string().nullable(),
  }),
);
export const disableOutboundInput = z.object({ id: z.string().min(1).max(100) });
export const outboundDeliveriesInput = z.object({ limit: z.number().int().min(1).max(500).default(50) });
/** The delivery log: what was sent where and how it went; never the payload or the secret. */
export const outboundDeliveriesOutput = z.array(
  z.object({
    id: z.string(),
    endpointId: z.string(),
    eventId: z.string(),
    type: outboundEventTypeSchema,
    status: z.enum(['pending', 'succeeded', 'failed']),
    attempts: z.number().int(),
    lastStatusCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    /** When a pending delivery is tried next; null once it is final. */
    nextAttemptAt: z.string().nullable(),
    deliveredAt: z.string().nullable(),
  }),
);
