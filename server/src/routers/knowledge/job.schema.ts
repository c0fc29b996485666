import { ingestJobRefSchema, ingestJobReportSchema } from '@tandem/shared';

export const jobInput = ingestJobRefSchema;
export const jobOutput = ingestJobReportSchema;
