import { widgetQueueItemSchema } from '@tandem/shared';
import { z } from 'zod';

export const closeInput = z.object({ conversationId: z.string().min(1).max(100) });
export const closeOutput = widgetQueueItemSchema;
