import { authedProcedure, router } from '../../trpc/init.js';
import { healthStatus } from './status.handler.js';
import { healthStatusOutput } from './status.schema.js';

export const healthRouter = router({
  status: authedProcedure.output(healthStatusOutput).query(({ ctx }) => healthStatus(ctx)),
});
