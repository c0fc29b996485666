/**
 * The website widget capability: the widget's services (sites, visitor sessions, conversations,
 * the event stream, the human queue, proactive messages) and its public routes under
 * `/widget/v1/sites/:siteKey`. It reads the assist engine's pipeline dependencies and the live
 * context, and tells the workspace's systems about handoffs through outbound webhooks. Draining
 * ends every visitor stream and every answer being written, so the server can close.
 */
import type { AssistEngine } from '../assist/assistEngine.js';
import type { Logger } from '../logging/logger.js';
import type { Store } from '../storage/store.js';
import type { AnswerCache } from '../widget/answerCache.js';
import type { WidgetRateLimits } from '../widget/rateLimits.js';
import { loadWidgetKeys } from '../widget/widgetKeys.js';
import { createWidgetService, type WidgetService } from '../widget/widgetService.js';
import type { Capability } from './capability.js';
import type { LivePlugin } from './livePlugin.js';
import { widgetRoutes } from './widget/widgetRoutes.js';

/** Widget parts to use instead of the defaults (tests, benchmarks): rate limits, the semantic cache. */
export interface WidgetOverrides {
  rateLimits?: Partial<WidgetRateLimits>;
  cache?: AnswerCache;
}

export interface WidgetPluginDeps {
  store: Store;
  log: Logger;
  /** Holds the widget key (`widget-key`), created on first start. */
  dataDir: string;
  assist: Pick<AssistEngine, 'deps'>;
  live: Pick<LivePlugin, 'context' | 'notify'>;
  overrides?: WidgetOverrides | undefined;
}

export async function widgetPlugin({
  store,
  log,
  dataDir,
  assist,
  live,
  overrides = {},
}: WidgetPluginDeps): Promise<Capability & { service: WidgetService }> {
  const service = createWidgetService({
    store,
    keys: await loadWidgetKeys(dataDir),
    assist: assist.deps,
    live: live.context,
    notify: live.notify,
    log,
    cache: overrides.cache,
    rateLimits: overrides.rateLimits,
  });
  return {
    name: 'widget',
    service,
    routes: widgetRoutes(service),
    drain: () => service.close(),
  };
}
