/** Removes an alert rule (and its breach state) from the workspace. */
import type { z } from 'zod';
import type { HandlerOptions } from '../../trpc/procedures.js';
import type { deleteInput } from './delete.schema.js';

export const deleteHandler = ({ ctx, input }: HandlerOptions<z.output<typeof deleteInput>>) => ctx.alerts.remove(ctx.tenantId, input.id);
