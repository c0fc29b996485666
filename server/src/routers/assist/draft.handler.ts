import type { DraftEvent } from '@tandem/shared';
import { tracked, TRPCError } from '@trpc/server';
import type { z } from 'zod';
import type { AssistEngine } from '../../assist/assistEngine.js';
import type { followDraftInput } from './draft.schema.js';

export async function* followDraftHandler(
  assist: AssistEngine,
  tenantId: string,
  input: z.infer<typeof followDraftInput>,
  signal: AbortSignal | undefined,
) {
  const events = assist.follow(tenantId, input.draftId, input.lastEventId, signal);
  if (events === undefined) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such draft (it may have expired): start a new one' });
  for await (const [id, event] of events) yield tracked<DraftEvent>(id, event);
}
