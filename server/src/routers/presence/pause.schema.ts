import { presenceModeOutputSchema } from '@tandem/shared';

export const pauseOutput = presenceModeOutputSchema;
