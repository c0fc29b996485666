/** Chosen metrics per minute, hour or day over a period, from the live aggregates. */
import type { z } from 'zod';
import type { HandlerOptions } from '../../trpc/procedures.js';
import type { seriesInput } from './series.schema.js';

export const seriesHandler = ({ ctx, input }: HandlerOptions<z.output<typeof seriesInput>>) => ctx.analytics.series(ctx.tenantId, input);
