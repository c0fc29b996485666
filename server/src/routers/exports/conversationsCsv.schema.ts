import { analyticsFiltersSchema, analyticsPeriodSchema } from '@tandem/shared';
import { z } from 'zod';
import { downloadOutput } from './download.js';

/** A period (at most 400 days) and optional channel/agent filters. */
export const conversationsCsvInput = z.object({ period: analyticsPeriodSchema, filters: analyticsFiltersSchema.default({}) });
export const conversationsCsvOutput = downloadOutput;
