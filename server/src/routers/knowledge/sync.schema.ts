import { knowledgeSyncAnswerSchema, knowledgeSyncInputSchema } from '@tandem/shared';

export const syncInput = knowledgeSyncInputSchema;
export const syncOutput = knowledgeSyncAnswerSchema;
