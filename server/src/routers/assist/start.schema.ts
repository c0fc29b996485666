import { draftLengthSchema, draftToneSchema, ticketContextSchema } from '@tandem/shared';
import { z } from 'zod';

export const startDraftInput = z.object({
  ticket: ticketContextSchema,
  options: z
    .object({ tone: draftToneSchema.optional(), length: draftLengthSchema.optional(), k: z.number().int().min(1).max(10).optional() })
    .default({}),
});
export const startDraftOutput = z.object({ draftId: z.string() });
