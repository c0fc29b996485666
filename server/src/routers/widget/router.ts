import { router } from '../../trpc/init.js';
import { admins, agents } from '../../trpc/procedures.js';
import { closeHandler } from './conversations/close.handler.js';
import { closeInput, closeOutput } from './conversations/close.schema.js';
import { getConversationHandler } from './conversations/get.handler.js';
import { getConversationInput, getConversationOutput } from './conversations/get.schema.js';
import { handBackHandler } from './conversations/handBack.handler.js';
import { handBackInput, handBackOutput } from './conversations/handBack.schema.js';
import { replyHandler } from './conversations/reply.handler.js';
import { replyInput, replyOutput } from './conversations/reply.schema.js';
import { listQueueHandler } from './queue/list.handler.js';
import { listQueueInput, listQueueOutput } from './queue/list.schema.js';
import { watchQueueHandler } from './queue/watch.handler.js';
import { watchQueueInput } from './queue/watch.schema.js';
import { createSiteHandler } from './sites/create.handler.js';
import { createSiteInput, createSiteOutput } from './sites/create.schema.js';
import { listSitesHandler } from './sites/list.handler.js';
import { listSitesOutput } from './sites/list.schema.js';
import { rotateSecretHandler } from './sites/rotateSecret.handler.js';
import { rotateSecretInput, rotateSecretOutput } from './sites/rotateSecret.schema.js';
import { updateSiteHandler } from './sites/update.handler.js';
import { updateSiteInput, updateSiteOutput } from './sites/update.schema.js';

export const widgetRouter = router({
  /** The human queue: conversations waiting for a person or with one. */
  queue: router({
    list: agents.input(listQueueInput).output(listQueueOutput).query(listQueueHandler),
    /** Which conversation changed, as it happens. */
    watch: agents.input(watchQueueInput).subscription(watchQueueHandler),
  }),
  /** One conversation: read it, reply as a person, hand it back to the AI, close it. */
  conversations: router({
    get: agents.input(getConversationInput).output(getConversationOutput).query(getConversationHandler),
    reply: agents.input(replyInput).output(replyOutput).mutation(replyHandler),
    handBack: agents.input(handBackInput).output(handBackOutput).mutation(handBackHandler),
    close: agents.input(closeInput).output(closeOutput).mutation(closeHandler),
  }),
  /** The websites that embed the widget, their keys, origins, look and threshold. */
  sites: router({
    create: admins.input(createSiteInput).output(createSiteOutput).mutation(createSiteHandler),
    list: admins.output(listSitesOutput).query(listSitesHandler),
    update: admins.input(updateSiteInput).output(updateSiteOutput).mutation(updateSiteHandler),
    rotateSecret: admins.input(rotateSecretInput).output(rotateSecretOutput).mutation(rotateSecretHandler),
  }),
});
