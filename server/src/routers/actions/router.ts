import { procedureFor, router } from '../../trpc/init.js';
import { executeInput, executeOutput } from './execute.schema.js';

const anyone = procedureFor('admin', 'lead', 'agent');

export const actionsRouter = router({
  /** Runs a suggestion the person confirmed (`confirmed: true`); the action's own roles are checked too. */
  execute: anyone
    .input(executeInput)
    .output(executeOutput)
    .mutation(({ ctx, input }) => ctx.assist.execute(ctx.principal, input)),
});
