import { analyticsSeriesInputSchema, analyticsSeriesSchema } from '@tandem/shared';

/** A period, a bucket width (minute, hour, day), the metrics wanted, filters and settings. */
export const seriesInput = analyticsSeriesInputSchema;
/** One point per bucket in the period, empty buckets included (null where a metric has no data). */
export const seriesOutput = analyticsSeriesSchema;
