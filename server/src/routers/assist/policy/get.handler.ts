/** The workspace's assist policy: whether knowledge passages flagged as carrying instructions are left out of drafts. */
import type { HandlerOptions } from '../../../trpc/procedures.js';

export const getPolicyHandler = ({ ctx }: HandlerOptions) => ctx.assist.policy.get(ctx.tenantId);
