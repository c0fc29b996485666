/** Every metric over a period, from the live aggregates (definitions in docs/metrics.md). */
import type { z } from 'zod';
import type { HandlerOptions } from '../../trpc/procedures.js';
import type { summaryInput } from './summary.schema.js';

export const summaryHandler = ({ ctx, input }: HandlerOptions<z.output<typeof summaryInput>>) => ctx.analytics.summary(ctx.tenantId, input);
