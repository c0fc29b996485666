/** Help-center articles pushed by their system (`{id, title, body, url, updated_at}`): each one a document, edits new versions. */
import type { z } from 'zod';
import type { HandlerOptions } from '../../../trpc/procedures.js';
import type { upsertArticlesInput } from './upsert.schema.js';

export const upsertArticlesHandler = ({ ctx, input }: HandlerOptions<z.output<typeof upsertArticlesInput>>) =>
  ctx.knowledge.upsertArticles(ctx.tenantId, input.sourceName, input.articles);
