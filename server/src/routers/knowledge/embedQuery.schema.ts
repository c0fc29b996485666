import { embedQueryInputSchema, embedQueryOutputSchema } from '@tandem/shared';

export const embedQueryInput = embedQueryInputSchema;
export const embedQueryOutput = embedQueryOutputSchema;
