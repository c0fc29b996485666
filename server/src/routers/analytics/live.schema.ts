import { analyticsLiveInputSchema, analyticsLiveUpdateSchema } from '@tandem/shared';

/** Optional channel/agent filters. */
export const liveInput = analyticsLiveInputSchema;
/** What each event of the subscription carries: the kinds and minutes the newly committed events changed. */
export const liveUpdateEvent = analyticsLiveUpdateSchema;
