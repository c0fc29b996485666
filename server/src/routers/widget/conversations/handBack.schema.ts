import { widgetQueueItemSchema } from '@tandem/shared';
import { z } from 'zod';

export const handBackInput = z.object({ conversationId: z.string().min(1).max(100) });
export const handBackOutput = widgetQueueItemSchema;
