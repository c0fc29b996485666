import { apiTokenSummarySchema } from '@tandem/shared';
import { z } from 'zod';

export const listTokensOutput = z.array(apiTokenSummarySchema);
