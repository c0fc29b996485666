import { analyticsSeriesInputSchema } from '@tandem/shared';
import { downloadOutput } from './download.js';

/** The same input as analytics.series: a period, a bucket, the metrics, filters and settings. */
export const seriesCsvInput = analyticsSeriesInputSchema;
export const seriesCsvOutput = downloadOutput;
