/** Stops sending to an endpoint; what was still pending for it fails as "endpoint disabled". */
import type { z } from 'zod';
import type { HandlerOptions } from '../../../trpc/procedures.js';
import type { disableOutboundInput, disableOutboundOutput } from './disable.schema.js';

export async function disableOutboundHandler({
  ctx,
  input,
}: HandlerOptions<z.output<typeof disableOutboundInput>>): Promise<z.output<typeof disableOutboundOutput>> {
  await ctx.outboundEndpoints.disable(ctx.tenantId, input.id);
  return { disabled: true };
}
