/** Adds an alert rule to the workspace; it is evaluated at once. */
import type { z } from 'zod';
import type { HandlerOptions } from '../../trpc/procedures.js';
import type { createInput } from './create.schema.js';

export const createHandler = ({ ctx, input }: HandlerOptions<z.output<typeof createInput>>) => ctx.alerts.create(ctx.tenantId, input);
