import { presenceInsertInputSchema, presenceInsertOutputSchema } from '@tandem/shared';

export const insertInput = presenceInsertInputSchema;
export const insertOutput = presenceInsertOutputSchema;
