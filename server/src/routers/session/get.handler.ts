/** Who the caller is and which workspace they are signed in to. */
import type { HandlerOptions } from '../../trpc/procedures.js';

export const getSessionHandler = ({ ctx }: HandlerOptions) => ctx.team.session(ctx.principal);
