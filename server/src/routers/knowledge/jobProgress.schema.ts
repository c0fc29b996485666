import { ingestJobRefSchema, ingestProgressSchema } from '@tandem/shared';

export const jobProgressInput = ingestJobRefSchema;
/** What each event of the subscription carries. */
export const jobProgressEvent = ingestProgressSchema;
