import { outboundEventTypeSchema } from '@tandem/shared';
import { z } from 'zod';

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
