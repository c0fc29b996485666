import { z } from 'zod';

export const alertsInput = z.object({ lastEventId: z.string().max(100).optional() });

/** What each event of the subscription carries. */
export const alertEvent = z.object({
  seq: z.number().int(),
  kind: z.string(),
  customerKey: z.string(),
  title: z.string(),
  detail: z.string(),
  at: z.string(),
});
