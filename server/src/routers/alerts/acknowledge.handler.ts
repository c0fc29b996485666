/** Marks a rule's open breach as seen by a lead (the first acknowledgement's time is kept). */
import type { z } from 'zod';
import type { HandlerOptions } from '../../trpc/procedures.js';
import type { acknowledgeInput } from './acknowledge.schema.js';

export const acknowledgeHandler = ({ ctx, input }: HandlerOptions<z.output<typeof acknowledgeInput>>) =>
  ctx.alerts.acknowledge(ctx.tenantId, input.id);
