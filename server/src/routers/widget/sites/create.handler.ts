/** A new widget site: its public key for the page, and its identity secret for the site's backend (shown only here). */
import type { z } from 'zod';
import type { HandlerOptions } from '../../../trpc/procedures.js';
import type { createSiteInput } from './create.schema.js';

export const createSiteHandler = ({ ctx, input }: HandlerOptions<z.output<typeof createSiteInput>>) =>
  ctx.widget.sites.create(ctx.tenantId, input);
