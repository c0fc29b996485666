/**
 * The live customer context capability: the live event log (the truth), the per-customer
 * projection with its triggers, outbound webhooks that tell a workspace's own systems what
 * happened, the webhook sources and endpoints, and the streams subscribers follow. Triggers that
 * wait for time to pass (cart abandoned, ticket waiting) are swept every 30 s.
 */
import type { OutboundEventType } from '@tandem/shared';
import { conversationAnalysisRecorder } from '../live/conversationAnalysis.js';
import { createLiveContext } from '../live/liveContext.js';
import { createLiveEventLog } from '../live/liveEventLog.js';
import { liveStreams } from '../live/liveStreams.js';
import { outboundEndpoints } from '../live/outbound/outboundEndpoints.js';
import { createOutboundWebhooks } from '../live/outbound/outboundWebhooks.js';
import { webhookSources } from '../live/webhookSources.js';
import type { Logger } from '../logging/logger.js';
import type { Store } from '../storage/store.js';
import type { Capability } from './capability.js';

const SWEEP_MS = 30_000;

export interface LivePluginDeps {
  store: Store;
  log: Logger;
  /** Whether outbound webhooks may reach loopback and private addresses. */
  allowPrivateUrls: boolean;
}

export function livePlugin({ store, log, allowPrivateUrls }: LivePluginDeps) {
  const outbound = createOutboundWebhooks({ store, log: log.child({ component: 'outbound' }), allowPrivateUrls });
  /** Queues an outbound event without holding up the caller; a failure to queue is logged, not thrown. */
  const notify = (tenantId: string, type: OutboundEventType, data: Record<string, unknown>) =>
    void outbound.emit(tenantId, type, data).catch((error: unknown) => log.error({ err: error, type }, 'outbound webhook not queued'));
  const context = createLiveContext({
    live: store.live,
    notifications: store.notifications,
    log,
    onFired: (tenantId, n) =>
      notify(tenantId, 'alert.fired', { seq: n.seq, kind: n.kind, customerKey: n.customerKey, title: n.title, detail: n.detail, at: n.at }),
  });
  const eventLog = createLiveEventLog({ live: store.live, log, onAppended: (events) => context.onAppended(events) });
  const sources = webhookSources(store.live);
  let sweep: NodeJS.Timeout | undefined;

  const capability = {
    name: 'live',
    context,
    eventLog,
    notify,
    sources,
    endpoints: outboundEndpoints(store.outbound, { allowPrivateUrls }),
    streams: liveStreams(context),
    recordAnalysis: conversationAnalysisRecorder(sources, eventLog),
    start() {
      outbound.start();
      sweep ??= setInterval(
        () => void context.sweep().catch((error: unknown) => log.error({ err: error }, 'trigger sweep failed')),
        SWEEP_MS,
      );
      sweep.unref();
    },
    async stop() {
      clearInterval(sweep);
      await eventLog.close();
      await context.settled();
      await outbound.stop();
    },
  };
  return capability satisfies Capability;
}

export type LivePlugin = ReturnType<typeof livePlugin>;
