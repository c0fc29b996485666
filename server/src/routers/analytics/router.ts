import { router } from '../../trpc/init.js';
import { leads } from '../../trpc/procedures.js';
import { liveHandler } from './live.handler.js';
import { liveInput } from './live.schema.js';
import { seriesHandler } from './series.handler.js';
import { seriesInput, seriesOutput } from './series.schema.js';
import { summaryHandler } from './summary.handler.js';
import { summaryInput, summaryOutput } from './summary.schema.js';

export const analyticsRouter = router({
  /** Every metric over a period, with the counts behind each. */
  summary: leads.input(summaryInput).output(summaryOutput).query(summaryHandler),
  /** Chosen metrics per minute, hour or day. */
  series: leads.input(seriesInput).output(seriesOutput).query(seriesHandler),
  /** Aggregate changes as events commit. */
  live: leads.input(liveInput).subscription(liveHandler),
});
