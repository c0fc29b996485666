import { ingestJobStartedSchema, ingestUrlsInputSchema } from '@tandem/shared';

export const ingestUrlsInput = ingestUrlsInputSchema;
export const ingestUrlsOutput = ingestJobStartedSchema;
