/** A new endpoint, with the secret its receiver verifies signatures with (shown only here). */
import type { z } from 'zod';
import type { HandlerOptions } from '../../../trpc/procedures.js';
import type { createOutboundInput } from './create.schema.js';

export const createOutboundHandler = ({ ctx, input }: HandlerOptions<z.output<typeof createOutboundInput>>) =>
  ctx.outboundEndpoints.create(ctx.tenantId, input);
