/** The workspace's API tokens (never the tokens themselves: only their hashes are stored). */
import type { HandlerOptions } from '../../trpc/procedures.js';

export const listTokensHandler = ({ ctx }: HandlerOptions) => ctx.team.listTokens(ctx.tenantId);
