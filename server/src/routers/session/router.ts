import { authedProcedure, router } from '../../trpc/init.js';
import { getSession } from './get.handler.js';
import { sessionGetOutput } from './get.schema.js';

export const sessionRouter = router({
  get: authedProcedure.output(sessionGetOutput).query(({ ctx }) => getSession(ctx, ctx.principal)),
});
