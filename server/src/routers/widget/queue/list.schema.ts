import { widgetConversationStatusSchema, widgetQueueItemSchema } from '@tandem/shared';
import { z } from 'zod';

export const listQueueInput = z
  .object({
    /** Which conversations: by default those waiting for a person and those with one. */
    statuses: z.array(widgetConversationStatusSchema).min(1).max(4).optional(),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .prefault({});
export const listQueueOutput = z.array(widgetQueueItemSchema);
