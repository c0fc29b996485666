import { presenceAckInputSchema } from '@tandem/shared';
import { z } from 'zod';

export const ackInput = presenceAckInputSchema;
export const ackOutput = z.object({ ok: z.literal(true) });
