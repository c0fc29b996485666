import { router } from '../../trpc/init.js';
import { leads } from '../../trpc/procedures.js';
import { acknowledgeHandler } from './acknowledge.handler.js';
import { acknowledgeInput, acknowledgeOutput } from './acknowledge.schema.js';
import { createHandler } from './create.handler.js';
import { createInput, createOutput } from './create.schema.js';
import { deleteHandler } from './delete.handler.js';
import { deleteInput, deleteOutput } from './delete.schema.js';
import { listHandler } from './list.handler.js';
import { listOutput } from './list.schema.js';
import { updateHandler } from './update.handler.js';
import { updateInput, updateOutput } from './update.schema.js';

/** Analytics alert rules (SLA wait, negative sentiment, fallback spike, CSAT drop); leads and admins only. */
export const alertsRouter = router({
  list: leads.output(listOutput).query(listHandler),
  create: leads.input(createInput).output(createOutput).mutation(createHandler),
  update: leads.input(updateInput).output(updateOutput).mutation(updateHandler),
  delete: leads.input(deleteInput).output(deleteOutput).mutation(deleteHandler),
  acknowledge: leads.input(acknowledgeInput).output(acknowledgeOutput).mutation(acknowledgeHandler),
});
