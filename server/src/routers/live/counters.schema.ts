import { z } from 'zod';

/** What each event of the subscription carries. */
export const liveCountersEvent = z.object({
  events: z.number().int(),
  alerts: z.number().int(),
  eventsLastMinute: z.number().int(),
  customersTracked: z.number().int(),
});
