import { draftFeedbackSchema, draftOutcomeSchema, draftRatingSchema } from '@tandem/shared';
import { z } from 'zod';

export const feedbackInput = draftFeedbackSchema;
/** The draft's feedback after merging this report with the earlier ones. */
export const feedbackOutput = z.object({
  draftId: z.string(),
  rating: draftRatingSchema.nullable(),
  outcome: draftOutcomeSchema.nullable(),
  keptRatio: z.number().min(0).max(1).nullable(),
  updatedAt: z.iso.datetime(),
});
