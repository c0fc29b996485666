import { ingestJobStartedSchema } from '@tandem/shared';
import { z } from 'zod';

export const resyncInput = z.object({ sourceId: z.string().min(1).max(100) });
export const resyncOutput = ingestJobStartedSchema;
