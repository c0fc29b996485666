/** The extension's own presence channel: who follows the agent, and drafts the desktop asks it to insert. */
import type { z } from 'zod';
import type { HandlerOptions } from '../../trpc/procedures.js';
import type { inboxEvent } from './inbox.schema.js';

export async function* inboxHandler({ ctx, signal }: HandlerOptions): AsyncGenerator<z.output<typeof inboxEvent>> {
  yield* ctx.presence.inbox(ctx.principal, signal);
}
