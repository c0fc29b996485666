import { widgetConversationStatusSchema, widgetQueueItemSchema } from '@tandem/shared';
import { z } from 'zod';

export const searchConversationsInput = z.object({
  /** Words to find in what anyone wrote, the visitor's name or id, or the site's name; empty lists the latest. */
  query: z.string().trim().max(200).default(''),
  statuses: z.array(widgetConversationStatusSchema).min(1).max(4).default(['waiting-for-human', 'human', 'ai', 'closed']),
  limit: z.number().int().min(1).max(100).default(50),
});

export const conversationMatchSchema = z.object({
  conversation: widgetQueueItemSchema,
  /** The transcript line that matched, cut around the words; absent when the query is empty or matched the name or site. */
  snippet: z.string().optional(),
});
export const searchConversationsOutput = z.array(conversationMatchSchema);
