/** The workspace's documents (of one source, or all), newest first, a page at a time. */
import type { z } from 'zod';
import type { HandlerOptions } from '../../../trpc/procedures.js';
import type { listDocumentsInput } from './list.schema.js';

export const listDocumentsHandler = ({ ctx, input }: HandlerOptions<z.output<typeof listDocumentsInput>>) =>
  ctx.knowledge.listDocuments(ctx.tenantId, input);
