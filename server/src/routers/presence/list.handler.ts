/** The workspace's presences a lead may follow. */
import type { z } from 'zod';
import type { HandlerOptions } from '../../trpc/procedures.js';
import type { listOutput } from './list.schema.js';

export function listHandler({ ctx }: HandlerOptions): z.output<typeof listOutput> {
  return ctx.presence.list(ctx.tenantId);
}
