import { createdTokenSchema, createTokenInputSchema } from '@tandem/shared';

export const createTokenInput = createTokenInputSchema;
export const createTokenOutput = createdTokenSchema;
