import { draftToneSchema, ticketContextSchema } from '@tandem/shared';
import { z } from 'zod';

export const startDraftInput = z.object({
  ticket: ticketContextSchema,
  options: z.object({ tone: draftToneSchema.optional(), k: z.number().int().min(1).max(10).optional() }).default({}),
});
export const startDraftOutput = z.object({ draftId: z.string() });

export const followDraftInput = z.object({
  draftId: z.string().min(1).max(100),
  /** Set by the tRPC client when it reconnects: the draft resumes after this event. */
  lastEventId: z.string().max(100).optional(),
});

export const draftStatsOutput = z.object({
  started: z.number().int().nonnegative(),
  flagged: z.number().int().nonnegative(),
  fallbacks: z.number().int().nonnegative(),
  errors: z.number().int().nonnegative(),
});
