import { WIDGET_LIMITS, widgetTranscriptEntrySchema } from '@tandem/shared';
import { z } from 'zod';

export const replyInput = z.object({
  conversationId: z.string().min(1).max(100),
  text: z.string().trim().min(1).max(WIDGET_LIMITS.agentReplyChars),
  /** The name the visitor sees; the token's name when left out. */
  displayName: z.string().trim().min(1).max(WIDGET_LIMITS.displayNameChars).optional(),
});
export const replyOutput = widgetTranscriptEntrySchema;
