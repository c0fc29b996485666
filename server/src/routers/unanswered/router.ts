import { router } from '../../trpc/init.js';
import { leads } from '../../trpc/procedures.js';
import { listHandler } from './list.handler.js';
import { listInput, listOutput } from './list.schema.js';

/** Questions the knowledge base could not answer, clustered (leads and admins): the console gap finder's input. */
export const unansweredRouter = router({
  list: leads.input(listInput).output(listOutput).query(listHandler),
});
