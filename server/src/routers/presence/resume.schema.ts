import { presenceModeOutputSchema } from '@tandem/shared';

export const resumeOutput = presenceModeOutputSchema;
