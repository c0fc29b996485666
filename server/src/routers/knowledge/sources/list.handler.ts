/** The workspace's knowledge sources: uploads, web pages, help centers. */
import type { HandlerOptions } from '../../../trpc/procedures.js';

export const listSourcesHandler = ({ ctx }: HandlerOptions) => ctx.knowledge.listSources(ctx.tenantId);
