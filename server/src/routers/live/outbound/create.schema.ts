import { OUTBOUND_EVENT_TYPES, outboundEventTypeSchema } from '@tandem/shared';
import { z } from 'zod';

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
export const createOutboundOutput = z.object({
  id: z.string(),
  url: z.string(),
  eventTypes: z.array(outboundEventTypeSchema),
  /** Shown once: the receiver verifies `Tandem-Signature: t=…,v1=<HMAC-SHA256 of "t.body">` with it. */
  secret: z.string(),
});
