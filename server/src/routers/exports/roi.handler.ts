/** The ROI summary of a period as CSV or as a one-page PDF (base64), with the same figures. */
import { analyticsSettingsSchema } from '@tandem/shared';
import type { z } from 'zod';
import { roiCsv, roiPdf } from '../../analytics/exports/roiExport.js';
import type { HandlerOptions } from '../../trpc/procedures.js';
import { fileStamp, type Download } from './download.js';
import type { roiInput } from './roi.schema.js';

export async function roiHandler({ ctx, input }: HandlerOptions<z.output<typeof roiInput>>): Promise<Download> {
  const summary = await ctx.analytics.summary(ctx.tenantId, input);
  const settings = analyticsSettingsSchema.parse(input.settings);
  const name = `tandem-roi-${fileStamp(input.period.from)}-${fileStamp(input.period.to)}`;
  if (input.format === 'csv')
    return { filename: `${name}.csv`, contentType: 'text/csv; charset=utf-8', encoding: 'utf8', body: roiCsv(summary, settings) };
  return {
    filename: `${name}.pdf`,
    contentType: 'application/pdf',
    encoding: 'base64',
    body: roiPdf(summary, settings, ctx.tenantId).toString('base64'),
  };
}
