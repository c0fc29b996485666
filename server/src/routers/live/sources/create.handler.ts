/** A webhook source of this workspace, with the signing secret (shown only here). */
import type { z } from 'zod';
import type { HandlerOptions } from '../../../trpc/procedures.js';
import type { createSourceInput } from './create.schema.js';

export const createSourceHandler = ({ ctx, input }: HandlerOptions<z.output<typeof createSourceInput>>) =>
  ctx.webhookSources.create(ctx.tenantId, input.name);
