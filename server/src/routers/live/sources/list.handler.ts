/** The workspace's webhook sources, without their secrets. */
import type { HandlerOptions } from '../../../trpc/procedures.js';

export const listSourcesHandler = ({ ctx }: HandlerOptions) => ctx.webhookSources.list(ctx.tenantId);
