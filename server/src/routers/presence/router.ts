import { router } from '../../trpc/init.js';
import { agents, leads } from '../../trpc/procedures.js';
import { ackHandler } from './ack.handler.js';
import { ackInput, ackOutput } from './ack.schema.js';
import { followHandler } from './follow.handler.js';
import { followInput } from './follow.schema.js';
import { inboxHandler } from './inbox.handler.js';
import { insertHandler } from './insert.handler.js';
import { insertInput, insertOutput } from './insert.schema.js';
import { listHandler } from './list.handler.js';
import { listOutput } from './list.schema.js';
import { pauseHandler } from './pause.handler.js';
import { pauseOutput } from './pause.schema.js';
import { publishHandler } from './publish.handler.js';
import { publishInput, publishOutput } from './publish.schema.js';
import { resumeHandler } from './resume.handler.js';
import { resumeOutput } from './resume.schema.js';

/** Follow mode: the agent's open ticket, followed by their own desktop app or, read-only, by a lead. */
export const presenceRouter = router({
  publish: agents.input(publishInput).output(publishOutput).mutation(publishHandler),
  pause: agents.output(pauseOutput).mutation(pauseHandler),
  resume: agents.output(resumeOutput).mutation(resumeHandler),
  follow: agents.input(followInput).subscription(followHandler),
  inbox: agents.subscription(inboxHandler),
  insert: agents.input(insertInput).output(insertOutput).mutation(insertHandler),
  ack: agents.input(ackInput).output(ackOutput).mutation(ackHandler),
  list: leads.output(listOutput).query(listHandler),
});
