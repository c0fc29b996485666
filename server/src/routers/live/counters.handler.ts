/** Live counters for the console (events, alerts, events in the last minute, customers tracked), now and after each batch. */
import type { z } from 'zod';
import type { HandlerOptions } from '../../trpc/procedures.js';
import type { liveCountersEvent } from './counters.schema.js';

export const countersHandler = ({ ctx, signal }: HandlerOptions): AsyncGenerator<z.output<typeof liveCountersEvent>> =>
  ctx.live.counters(ctx.tenantId, signal);
