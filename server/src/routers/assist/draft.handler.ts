import type { DraftEvent } from '@tandem/shared';
import { tracked, TRPCError } from '@trpc/server';
import type { z } from 'zod';
import type { AssistEngine } from '../../assist/assistEngine.js';
import type { followDraftInput } from './draft.schema.js';

export async function* followDraftHandler(
  assist: AssistEngine,
  tenantId: string,
  requestId: string,
  input: z.infer<typeof followDraftInput>,
  signal: AbortSignal | undefined,
) {
  let draftId: string;
  if ('draftId' in input) draftId = input.draftId;
  else {
    // A reconnect carries the last event id, which names the draft already running for this ticket.
    const resumed = /^(dr_[0-9a-f-]{36}):\d+$/.exec(input.lastEventId ?? '')?.[1];
    draftId = resumed ?? assist.start(tenantId, input.ticket, { ...input.options, requestId });
  }
  const events = assist.follow(tenantId, draftId, input.lastEventId, signal);
  if (events === undefined) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such draft (it may have expired): start a new one' });
  for await (const [id, event] of events) yield tracked<DraftEvent>(id, event);
}
