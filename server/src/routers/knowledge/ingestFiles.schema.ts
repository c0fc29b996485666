import { ingestFilesInputSchema, ingestJobStartedSchema } from '@tandem/shared';

export const ingestFilesInput = ingestFilesInputSchema;
export const ingestFilesOutput = ingestJobStartedSchema;
