import { widgetConversationDetailSchema } from '@tandem/shared';
import { z } from 'zod';

export const getConversationInput = z.object({ conversationId: z.string().min(1).max(100) });
export const getConversationOutput = widgetConversationDetailSchema;
