/** Replaces an alert rule's settings; it is evaluated again at once. */
import type { z } from 'zod';
import type { HandlerOptions } from '../../trpc/procedures.js';
import type { updateInput } from './update.schema.js';

export const updateHandler = ({ ctx, input }: HandlerOptions<z.output<typeof updateInput>>) =>
  ctx.alerts.update(ctx.tenantId, input.id, input.rule);
