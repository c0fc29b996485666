import { knowledgeSyncInputSchema, knowledgeSyncPageSchema } from '@tandem/shared';

export const syncInput = knowledgeSyncInputSchema;
export const syncOutput = knowledgeSyncPageSchema;
