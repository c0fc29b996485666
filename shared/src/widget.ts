/**
 * Messages between the embeddable website widget and the server in autonomous mode.
 */
import { z } from 'zod';
import { tandemErrorSchema } from './errors.js';

export const widgetSiteKeySchema = z.string().regex(/^pk_[A-Za-z0-9]{16,64}$/, 'a widget site key starts with pk_');

export const widgetSendInputSchema = z.object({
  siteKey: widgetSiteKeySchema,
  conversationId: z.string().min(8).max(100),
  text: z.string().trim().min(1).max(4000),
  visitor: z.object({ name: z.string().max(200).optional(), email: z.email().optional() }).optional(),
});
export type WidgetSendInput = z.infer<typeof widgetSendInputSchema>;

export const widgetEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('token'), text: z.string() }),
  z.object({
    type: z.literal('answer'),
    confidence: z.number().min(0).max(1),
    citations: z.array(z.object({ n: z.number().int().positive(), title: z.string(), url: z.string().optional() })),
  }),
  z.object({
    type: z.literal('handoff'),
    ticketId: z.string(),
    reason: z.enum(['low-confidence', 'negative-sentiment', 'asked-for-human']),
  }),
  z.object({ type: z.literal('proactive'), text: z.string(), trigger: z.string() }),
  z.object({ type: z.literal('error'), error: tandemErrorSchema }),
]);
export type WidgetEvent = z.infer<typeof widgetEventSchema>;
