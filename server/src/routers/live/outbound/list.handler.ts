/** The workspace's outbound endpoints, disabled ones included. */
import type { HandlerOptions } from '../../../trpc/procedures.js';

export const listOutboundHandler = ({ ctx }: HandlerOptions) => ctx.outboundEndpoints.list(ctx.tenantId);
