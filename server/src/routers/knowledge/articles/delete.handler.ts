/** Deletes help-center articles by their own ids; ids the workspace does not hold are skipped. */
import type { z } from 'zod';
import type { HandlerOptions } from '../../../trpc/procedures.js';
import type { deleteArticlesInput, deleteArticlesOutput } from './delete.schema.js';

export async function deleteArticlesHandler({
  ctx,
  input,
}: HandlerOptions<z.output<typeof deleteArticlesInput>>): Promise<z.output<typeof deleteArticlesOutput>> {
  return { deleted: await ctx.knowledge.deleteArticles(ctx.tenantId, input.sourceName, input.ids) };
}
