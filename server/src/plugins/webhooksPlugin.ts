/**
 * The inbound webhooks capability: `POST /webhooks/:tenantId/:sourceId`, where a workspace's
 * systems post signed customer events into the live event log.
 */
import type { LiveEventLog } from '../live/liveEventLog.js';
import { registerLiveWebhooks } from '../http/liveWebhookRoutes.js';
import type { Logger } from '../logging/logger.js';
import type { Store } from '../storage/store.js';
import type { Capability } from './capability.js';

export function webhooksPlugin(deps: { store: Store; log: Logger; eventLog: LiveEventLog }): Capability {
  return {
    name: 'webhooks',
    routes: (scope) => registerLiveWebhooks(scope, deps),
  };
}
