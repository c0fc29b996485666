/** Conversation-level records of a period as CSV, PII redacted. */
import type { z } from 'zod';
import type { HandlerOptions } from '../../trpc/procedures.js';
import type { conversationsCsvInput } from './conversationsCsv.schema.js';
import { fileStamp, type Download } from './download.js';

export async function conversationsCsvHandler({ ctx, input }: HandlerOptions<z.output<typeof conversationsCsvInput>>): Promise<Download> {
  return {
    filename: `tandem-conversations-${fileStamp(input.period.from)}-${fileStamp(input.period.to)}.csv`,
    contentType: 'text/csv; charset=utf-8',
    encoding: 'utf8',
    body: await ctx.exports.conversationsCsv(ctx.tenantId, input.period, input.filters),
  };
}
