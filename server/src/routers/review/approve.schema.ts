import { z } from 'zod';

/** The answer as the lead approved it (edited or not): it becomes a knowledge document. */
export const approveReviewInput = z.object({
  itemId: z.string().min(1).max(100),
  question: z.string().trim().min(1).max(2000),
  answer: z.string().trim().min(1).max(20_000),
});

export const approveReviewOutput = z.object({
  documentId: z.string(),
  title: z.string(),
});
