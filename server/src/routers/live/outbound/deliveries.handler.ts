/** The delivery log, newest first. */
import type { z } from 'zod';
import type { HandlerOptions } from '../../../trpc/procedures.js';
import type { outboundDeliveriesInput } from './deliveries.schema.js';

export const outboundDeliveriesHandler = ({ ctx, input }: HandlerOptions<z.output<typeof outboundDeliveriesInput>>) =>
  ctx.outboundEndpoints.deliveries(ctx.tenantId, input.limit);
