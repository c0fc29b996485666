/** The workspace's alert rules with their open breaches. */
import type { HandlerOptions } from '../../trpc/procedures.js';

export const listHandler = ({ ctx }: HandlerOptions) => ctx.alerts.list(ctx.tenantId);
