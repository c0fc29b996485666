/** The period's unanswered questions of the caller's workspace, clustered, with counts and redacted examples. */
import type { z } from 'zod';
import type { HandlerOptions } from '../../trpc/procedures.js';
import type { listInput, listOutput } from './list.schema.js';

export function listHandler({ ctx, input }: HandlerOptions<z.output<typeof listInput>>): Promise<z.output<typeof listOutput>> {
  return ctx.unanswered.list(ctx.tenantId, input.period, input.limit);
}
