import { apiTokenSummarySchema, createdTokenSchema, createTokenInputSchema, revokeTokenInputSchema } from '@tandem/shared';
import { z } from 'zod';

export const listTokensOutput = z.array(apiTokenSummarySchema);
export const createTokenInput = createTokenInputSchema;
export const createTokenOutput = createdTokenSchema;
export const revokeTokenInput = revokeTokenInputSchema;
export const revokeTokenOutput = z.object({ revoked: z.literal(true) });
