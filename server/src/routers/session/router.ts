import { router } from '../../trpc/init.js';
import { anyone } from '../../trpc/procedures.js';
import { getSessionHandler } from './get.handler.js';
import { sessionGetOutput } from './get.schema.js';

export const sessionRouter = router({
  get: anyone.output(sessionGetOutput).query(getSessionHandler),
});
