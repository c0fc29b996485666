import { z } from 'zod';

/** A review item the lead does not want taught: it leaves the queue and stays out. */
export const rejectReviewInput = z.object({ itemId: z.string().min(1).max(100) });
export const rejectReviewOutput = z.object({ rejected: z.literal(true) });
