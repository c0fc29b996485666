/** Knowledge search for the caller's workspace (knowledge cards, the CLI, the console). */
import type { SearchQuery, SearchResult } from '@tandem/shared';
import type { HandlerOptions } from '../../trpc/procedures.js';

export async function searchHandler({ ctx, input }: HandlerOptions<SearchQuery>): Promise<SearchResult> {
  const result = await ctx.knowledge.search(ctx.tenantId, input);
  return {
    hits: result.hits.map(({ signals: _signals, ...hit }) => hit),
    language: result.language,
    tookMs: Math.round(result.tookMs * 100) / 100,
  };
}
