import { knowledgeChangeEventSchema, knowledgeChangesInputSchema } from '@tandem/shared';

export const changesInput = knowledgeChangesInputSchema;
/** What each event of the subscription carries: a nudge with the feed's position, never documents. */
export const changesEvent = knowledgeChangeEventSchema;
