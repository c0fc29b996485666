/**
 * Searches the workspace's recent widget conversations (the newest 200 of the chosen statuses)
 * through the widget's agent API: their transcripts, visitors and sites.
 */
import type { z } from 'zod';
import type { HandlerOptions } from '../../trpc/procedures.js';
import { matchConversation, wordsOf } from './conversationMatch.js';
import type { searchConversationsInput, searchConversationsOutput } from './search.schema.js';

/** How far back a search looks: each conversation's transcript is read. */
const SEARCH_WINDOW = 200;

export async function searchConversationsHandler({
  ctx,
  input,
}: HandlerOptions<z.output<typeof searchConversationsInput>>): Promise<z.output<typeof searchConversationsOutput>> {
  const words = wordsOf(input.query);
  const recent = await ctx.widget.queue.list(ctx.tenantId, input.statuses, words.length === 0 ? input.limit : SEARCH_WINDOW);
  if (words.length === 0) return recent.map((conversation) => ({ conversation }));
  const found: z.output<typeof searchConversationsOutput> = [];
  for (const item of recent) {
    const detail = await ctx.widget.queue.get(ctx.tenantId, item.conversationId);
    const match = matchConversation(detail, words);
    if (match !== undefined) found.push({ conversation: item, ...match });
    if (found.length >= input.limit) break;
  }
  return found;
}
