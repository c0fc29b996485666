/**
 * The website widget capability: the widget's services (sites, visitor sessions, conversations,
 * the event stream, the human queue, proactive messages) and its public routes under
 * `/widget/v1/sites/:siteKey`. It reads the assist engine's pipeline dependencies and the live
 * context, and tells the workspace's systems about handoffs through outbound webhooks. Draining
 * ends every visitor stream and every answer being written, so the server can close. The semantic
 * cache (when configured on) embeds with the knowledge engine's query embedder and reads the
 * cited documents' versions from the store at each lookup.
 */
import type { AssistEngine } from '../assist/assistEngine.js';
import type { ServerConfig } from '../config/env.js';
import type { KnowledgeEngine } from '../knowledge/index.js';
import type { Logger } from '../logging/logger.js';
import type { Store } from '../storage/store.js';
import type { AnswerCache } from '../widget/answerCache.js';
import { createSemanticCache, DEFAULT_CACHE_LIMITS } from '../widget/semanticCache.js';
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
  /** The semantic cache's settings; without them (or switched off) answers are not cached. */
  config?: Pick<ServerConfig, 'widget'> | undefined;
  /** The query embedder the cache shares with retrieval. */
  knowledge?: Pick<KnowledgeEngine, 'embedder'> | undefined;
  overrides?: WidgetOverrides | undefined;
}

/** The configured semantic cache, or undefined when it is switched off. */
function configuredCache({ store, log, config, knowledge }: WidgetPluginDeps): AnswerCache | undefined {
  const settings = config?.widget.cache;
  if (settings?.enabled !== true) return undefined;
  return createSemanticCache(
    {
      embedder: knowledge?.embedder,
      versions: async (tenantId, documentIds) =>
        new Map((await store.knowledge.documentsByIds(tenantId, documentIds)).map((d) => [d.id, d.version])),
      log: log.child({ component: 'widget-cache' }),
    },
    { ...DEFAULT_CACHE_LIMITS, similarity: settings.similarity, maxEntriesPerWorkspace: settings.maxEntriesPerWorkspace },
  );
}

export async function widgetPlugin(deps: WidgetPluginDeps): Promise<Capability & { service: WidgetService }> {
  const { store, log, dataDir, assist, live, overrides = {} } = deps;
  const service = createWidgetService({
    store,
    keys: await loadWidgetKeys(dataDir),
    assist: assist.deps,
    live: live.context,
    notify: live.notify,
    log,
    cache: overrides.cache ?? configuredCache(deps),
    rateLimits: overrides.rateLimits,
  });
  return {
    name: 'widget',
    service,
    routes: widgetRoutes(service),
    drain: () => service.close(),
  };
}
