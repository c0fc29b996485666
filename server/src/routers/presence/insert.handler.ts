/** The desktop asks the same user's extension to insert a draft into the page's composer and waits for its answer. */
import type { z } from 'zod';
import type { HandlerOptions } from '../../trpc/procedures.js';
import type { insertInput, insertOutput } from './insert.schema.js';

export function insertHandler({
  ctx,
  input,
  signal,
}: HandlerOptions<z.output<typeof insertInput>>): Promise<z.output<typeof insertOutput>> {
  return ctx.presence.requestInsert(ctx.principal, input, signal);
}
