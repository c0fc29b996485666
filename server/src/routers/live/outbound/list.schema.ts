import { outboundEventTypeSchema } from '@tandem/shared';
import { z } from 'zod';

export const listOutboundOutput = z.array(
  z.object({
    id: z.string(),
    url: z.string(),
    eventTypes: z.array(outboundEventTypeSchema),
    createdAt: z.string(),
    disabledAt: z.string().nullable(),
  }),
);
