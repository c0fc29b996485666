/** The workspace's widget conversations by status, the longest-waiting first. */
import type { z } from 'zod';
import type { HandlerOptions } from '../../../trpc/procedures.js';
import { WITH_PEOPLE } from '../../../widget/agentQueue.js';
import type { listQueueInput } from './list.schema.js';

export const listQueueHandler = ({ ctx, input }: HandlerOptions<z.output<typeof listQueueInput>>) =>
  ctx.widget.queue.list(ctx.tenantId, input.statuses ?? WITH_PEOPLE, input.limit);
