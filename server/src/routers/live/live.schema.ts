import { customerLiveStateSchema, customerRefSchema } from '@tandem/shared';
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
