/** Pushes an update whenever committed events change this workspace's aggregates (a client then re-reads what it shows). */
import type { AnalyticsLiveUpdate } from '@tandem/shared';
import type { z } from 'zod';
import type { HandlerOptions } from '../../trpc/procedures.js';
import type { liveInput } from './live.schema.js';

export const liveHandler = ({ ctx, input, signal }: HandlerOptions<z.output<typeof liveInput>>): AsyncGenerator<AnalyticsLiveUpdate> =>
  ctx.analytics.live(ctx.tenantId, input.filters, signal);
