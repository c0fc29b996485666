import { analyticsSummaryInputSchema } from '@tandem/shared';
import { z } from 'zod';
import { downloadOutput } from './download.js';

/** A summary's input (period, filters, settings: agent cost per hour, minutes per ticket) and the format. */
export const roiInput = analyticsSummaryInputSchema.extend({ format: z.enum(['csv', 'pdf']) });
export const roiOutput = downloadOutput;
