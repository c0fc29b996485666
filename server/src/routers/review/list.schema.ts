import { widgetCitationSchema, widgetHandoffReasonSchema } from '@tandem/shared';
import { z } from 'zod';

export const listReviewInput = z
  .object({
    /** How many recent widget conversations to look through. */
    conversations: z.number().int().min(1).max(200).default(100),
  })
  .prefault({});

/** One answer a lead should look at before it teaches the copilot. */
export const reviewItemSchema = z.object({
  /** The transcript entry under review (the AI answer, or the handoff): also the approved document's key. */
  id: z.string(),
  conversationId: z.string(),
  siteName: z.string(),
  visitorName: z.string().optional(),
  /** Why it is here: the AI answered with low confidence, or it handed the conversation to a person. */
  kind: z.enum(['low-confidence', 'flagged']),
  handoffReason: widgetHandoffReasonSchema.optional(),
  question: z.string(),
  /** The AI's answer, or the person's reply after the handoff; empty when nobody answered yet. */
  answer: z.string(),
  answeredBy: z.enum(['ai', 'human', 'nobody']),
  confidence: z.number().min(0).max(1).optional(),
  citations: z.array(widgetCitationSchema),
  at: z.iso.datetime(),
});
export type ReviewItem = z.infer<typeof reviewItemSchema>;

export const listReviewOutput = z.object({
  /** Answers scoring below this are listed: the workspace's review threshold. */
  threshold: z.number().min(0).max(1),
  items: z.array(reviewItemSchema),
});
