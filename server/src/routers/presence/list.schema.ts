import { presenceSummarySchema } from '@tandem/shared';
import { z } from 'zod';

export const listOutput = z.array(presenceSummarySchema);
