import { actionResultSchema, executeActionInputSchema } from '@tandem/shared';

export const executeInput = executeActionInputSchema;
export const executeOutput = actionResultSchema;
