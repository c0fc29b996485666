import { draftEventSchema } from '@tandem/shared';
import { z } from 'zod';
import { startDraftInput } from './start.schema.js';

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

/** What each event of the subscription carries. */
export const draftEvent = draftEventSchema;
