/** Streams a draft's `DraftEvent`s (by id, or for a ticket given inline); resumable with the last tracked event id. */
import { tracked, type TrackedEnvelope } from '@trpc/server';
import type { z } from 'zod';
import type { HandlerOptions } from '../../trpc/procedures.js';
import type { draftEvent, followDraftInput } from './draft.schema.js';

export async function* followDraftHandler({
  ctx,
  input,
  signal,
}: HandlerOptions<z.output<typeof followDraftInput>>): AsyncGenerator<TrackedEnvelope<z.output<typeof draftEvent>>> {
  const draftId =
    'draftId' in input
      ? input.draftId
      : ctx.assist.startOrResume(ctx.tenantId, input.ticket, { ...input.options, requestId: ctx.requestId }, input.lastEventId);
  for await (const [id, event] of ctx.assist.followExisting(ctx.tenantId, draftId, input.lastEventId, signal)) yield tracked(id, event);
}
