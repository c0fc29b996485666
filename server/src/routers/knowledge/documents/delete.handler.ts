/** Deletes one document; it leaves search at once and clients' caches with the next sync. */
import type { z } from 'zod';
import type { HandlerOptions } from '../../../trpc/procedures.js';
import type { deleteDocumentInput, deleteDocumentOutput } from './delete.schema.js';

export async function deleteDocumentHandler({
  ctx,
  input,
}: HandlerOptions<z.output<typeof deleteDocumentInput>>): Promise<z.output<typeof deleteDocumentOutput>> {
  await ctx.knowledge.deleteDocument(ctx.tenantId, input.documentId);
  return { deleted: 1 };
}
