import { router } from '../../trpc/init.js';
import { anyone } from '../../trpc/procedures.js';
import { healthStatusHandler } from './status.handler.js';
import { healthStatusOutput } from './status.schema.js';

export const healthRouter = router({
  status: anyone.output(healthStatusOutput).query(healthStatusHandler),
});
