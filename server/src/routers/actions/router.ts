import { router } from '../../trpc/init.js';
import { agents } from '../../trpc/procedures.js';
import { executeHandler } from './execute.handler.js';
import { executeInput, executeOutput } from './execute.schema.js';

export const actionsRouter = router({
  /** Runs a suggestion the person confirmed (`confirmed: true`); the action's own roles are checked too. */
  execute: agents.input(executeInput).output(executeOutput).mutation(executeHandler),
});
