import { router } from '../../trpc/init.js';
import { agents } from '../../trpc/procedures.js';
import { searchConversationsHandler } from './search.handler.js';
import { searchConversationsInput, searchConversationsOutput } from './search.schema.js';

/** The console's conversation search, over the widget's agent API. */
export const conversationsRouter = router({
  search: agents.input(searchConversationsInput).output(searchConversationsOutput).query(searchConversationsHandler),
});
