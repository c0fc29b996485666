/** Any analytics series as CSV: one row per bucket, one column per metric. */
import type { z } from 'zod';
import { seriesCsv } from '../../analytics/exports/seriesCsv.js';
import type { HandlerOptions } from '../../trpc/procedures.js';
import { fileStamp, type Download } from './download.js';
import type { seriesCsvInput } from './seriesCsv.schema.js';

export async function seriesCsvHandler({ ctx, input }: HandlerOptions<z.output<typeof seriesCsvInput>>): Promise<Download> {
  const series = await ctx.analytics.series(ctx.tenantId, input);
  return {
    filename: `tandem-series-${input.bucket}-${fileStamp(input.period.from)}-${fileStamp(input.period.to)}.csv`,
    contentType: 'text/csv; charset=utf-8',
    encoding: 'utf8',
    body: seriesCsv(series, input.metrics),
  };
}
