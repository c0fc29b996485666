import { customerLiveStateSchema, customerRefSchema } from '@tandem/shared';
import { z } from 'zod';

export const customerStateInput = z.object({
  customer: customerRefSchema,
  /** Set by the tRPC client when it reconnects. */
  lastEventId: z.string().max(100).optional(),
});
/** What each event of the subscription carries: the state now (null for a customer with no events yet). */
export const customerStateEvent = customerLiveStateSchema.nullable();
