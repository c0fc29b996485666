import { draftLengthSchema, draftToneSchema, ticketContextSchema } from '@tandem/shared';
import { z } from 'zod';

export const startDraftInput = z.object({
  ticket: ticketContextSchema,
  options: z
    .object({ tone: draftToneSchema.optional(), length: draftLengthSchema.optional(), k: z.number().int().min(1).max(10).optional() })
    .default({}),
});
export const startDraftOutput = z.object({ draftId: z.string() });

const lastEventId = z
  .string()
  .max(100)
  .optional()
  .describe('Set by the tRPC client when it reconnects: the draft resumes after this event.');

/**
 * Follow a draft started with `assist.start` (any ticket size), or pass the ticket itself (it then
 * travels in the subscription URL, so this suits small tickets).
 */
export const followDraftInput = z.union([
  z.object({ draftId: z.string().min(1).max(100), lastEventId }),
  startDraftInput.extend({ lastEventId }),
]);

const count = z.number().int().nonnegative();

/** Draft counters of this process, and feedback counts of the workspace from its whole history. */
export const draftStatsOutput = z.object({
  started: count,
  flagged: count,
  fallbacks: count,
  errors: count,
  helpful: count,
  notHelpful: count,
  sentAsIs: count,
  sentEdited: count,
  discarded: count,
});
