/** Changes a widget site's settings (origins, theme, threshold, questions), or disables it. */
import type { z } from 'zod';
import type { HandlerOptions } from '../../../trpc/procedures.js';
import type { updateSiteInput } from './update.schema.js';

export const updateSiteHandler = ({ ctx, input: { id, ...patch } }: HandlerOptions<z.output<typeof updateSiteInput>>) =>
  ctx.widget.sites.update(ctx.tenantId, id, patch);
