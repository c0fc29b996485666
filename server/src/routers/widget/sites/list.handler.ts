/** The workspace's widget sites, without their secrets. */
import type { HandlerOptions } from '../../../trpc/procedures.js';

export const listSitesHandler = ({ ctx }: HandlerOptions) => ctx.widget.sites.list(ctx.tenantId);
