import {
  ingestFilesInputSchema,
  ingestJobRefSchema,
  ingestJobReportSchema,
  ingestJobStartedSchema,
  ingestProgressSchema,
} from '@tandem/shared';

export const ingestFilesInput = ingestFilesInputSchema;
export const ingestJobStartedOutput = ingestJobStartedSchema;
export const jobInput = ingestJobRefSchema;
export const jobOutput = ingestJobReportSchema;
export const jobProgressEvent = ingestProgressSchema;
