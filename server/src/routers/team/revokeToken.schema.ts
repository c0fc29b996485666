import { revokeTokenInputSchema } from '@tandem/shared';
import { z } from 'zod';

export const revokeTokenInput = revokeTokenInputSchema;
export const revokeTokenOutput = z.object({ revoked: z.literal(true) });
