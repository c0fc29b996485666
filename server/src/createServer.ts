/**
 * Builds a Tandem server from a validated config. It reads as a table of contents: storage and
 * the admin token, then each capability in the order it depends on the ones before it (knowledge,
 * live context, assist, the website widget and its bundle, inbound webhooks, the optional demo store and its
 * /demo page, the API,
 * the OpenAI-compatible API, the console, probes).
 * Returns `{ server, start, stop }`; nothing listens until `start()`.
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { bootstrapAdmin } from './auth/bootstrapAdmin.js';
import { teamService } from './auth/teamService.js';
import type { ServerConfig } from './config/env.js';
import { demoPagePlugin } from './demoStore/demoPage/demoPagePlugin.js';
import { demoStorePlugin } from './demoStore/demoStorePlugin.js';
import { createFastifyServer, localBaseUrl, requestBodyLimit } from './http/fastifyServer.js';
import { healthCheck } from './http/healthCheck.js';
import { presenceHub } from './live/presence/presenceHub.js';
import { reviewDecisions } from './routers/review/reviewDecisions.js';
import type { Embedder } from './knowledge/embedding/embedder.js';
import { createLogger, type Logger } from './logging/logger.js';
import { analyticsExports } from './analytics/exports/conversationRecords.js';
import { unansweredQuestions } from './analytics/unanswered/unansweredQuestions.js';
import { alertsPlugin } from './plugins/alertsPlugin.js';
import { analyticsPlugin } from './plugins/analyticsPlugin.js';
import { apiPlugin } from './plugins/apiPlugin.js';
import { assistPlugin, type AssistOverrides } from './plugins/assistPlugin.js';
import type { Capability } from './plugins/capability.js';
import { consolePlugin } from './plugins/consolePlugin.js';
import { knowledgePlugin } from './plugins/knowledgePlugin.js';
import { livePlugin } from './plugins/livePlugin.js';
import { openAiPlugin } from './plugins/openAiPlugin.js';
import { probesPlugin } from './plugins/probesPlugin.js';
import { webhooksPlugin } from './plugins/webhooksPlugin.js';
import { widgetBundlePlugin } from './plugins/widgetBundlePlugin.js';
import { widgetPlugin, type WidgetOverrides } from './plugins/widgetPlugin.js';
import { openStore, type Store } from './storage/store.js';

export const SERVER_VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string })
  .version;

export interface CreateServerOptions {
  logger?: Logger;
  /** An already-open store (tests share one); otherwise opened from config. */
  store?: Store;
  /** The embedder behind semantic search; `null` runs lexical only. Default: from config. */
  embedder?: Embedder | null;
  /** Assist parts to use instead of the configured ones (tests). */
  assist?: AssistOverrides;
  /** Widget parts to use instead of the defaults (tests, benchmarks): rate limits, the semantic cache. */
  widget?: WidgetOverrides;
}

export async function createServer(config: ServerConfig, options: CreateServerOptions = {}) {
  const log = options.logger ?? createLogger(config.logLevel);
  const store = options.store ?? (await openStore(config));
  const admin = await bootstrapAdmin(store, config.dataDir, config.adminToken);
  const server = await createFastifyServer(config, log);
  const health = healthCheck({ store, version: SERVER_VERSION, startedAt: Date.now(), log });

  const knowledge = await knowledgePlugin({ config, store, log, embedder: options.embedder });
  const live = livePlugin({ store, log, allowPrivateUrls: config.knowledge.allowPrivateUrls });
  const assist = assistPlugin({ config, store, log, knowledge: knowledge.engine, live, overrides: options.assist });
  const widget = await widgetPlugin({
    store,
    log,
    dataDir: config.dataDir,
    assist: assist.engine,
    live,
    config,
    knowledge: knowledge.engine,
    overrides: options.widget,
  });
  const analytics = analyticsPlugin({ store, log });
  const alerts = alertsPlugin({ store, log, live: live.context });
  const team = teamService(store, { serverVersion: SERVER_VERSION, limits: { maxUploadBytes: config.knowledge.maxUploadBytes } });
  const capabilities: Capability[] = [
    knowledge,
    live,
    assist,
    widget,
    widgetBundlePlugin(),
    analytics,
    alerts,
    webhooksPlugin({ store, log, eventLog: live.eventLog }),
    ...(config.demoStore
      ? [
          demoStorePlugin({ tenantId: admin.tenantId, log, connectors: assist.connectors, webhookSources: live.sources }),
          demoPagePlugin({ tenantId: admin.tenantId, log, sites: widget.service.sites }),
        ]
      : []),
    apiPlugin(
      {
        knowledge: knowledge.engine,
        assist: assist.engine,
        live: live.streams,
        webhookSources: live.sources,
        outboundEndpoints: live.endpoints,
        team,
        health,
        widget: widget.service,
        presence: presenceHub(),
        reviewDecisions: reviewDecisions(store.settings),
        analytics: analytics.service,
        alerts: alerts.service,
        exports: analyticsExports(store.analytics),
        unanswered: unansweredQuestions({
          analytics: store.analytics,
          conversations: store.widget.conversations,
          embedder: knowledge.engine.embedder,
          log,
        }),
      },
      { log, bodyLimitBytes: requestBodyLimit(config) },
    ),
    openAiPlugin({ team, widget: widget.service }),
    consolePlugin(config.consoleDir),
    probesPlugin(health),
  ];
  for (const capability of capabilities) if (capability.routes !== undefined) await server.register(capability.routes);

  let stopping: Promise<void> | undefined;
  return {
    server,
    admin,
    store,
    knowledge: knowledge.engine,
    assist: assist.engine,
    live: live.context,
    alerts,
    widget: widget.service,
    /** Listens, then starts each capability in order; resolves with the address. */
    async start(): Promise<string> {
      const address = await server.listen({ port: config.port, host: config.host });
      const { port } = server.server.address() as AddressInfo;
      const listening = { address, localBaseUrl: localBaseUrl(config.host, port) };
      for (const capability of capabilities) await capability.start?.(listening);
      return address;
    },
    /** Drains the capabilities, stops accepting and lets in-flight requests finish, stops them, then closes storage. Safe to call twice. */
    stop(): Promise<void> {
      stopping ??= (async () => {
        const reversed = [...capabilities].reverse();
        for (const capability of reversed) await capability.drain?.();
        await server.close();
        for (const capability of reversed) await capability.stop?.();
        if (options.store === undefined) await store.close();
      })();
      return stopping;
    },
  };
}

export type TandemServer = Awaited<ReturnType<typeof createServer>>;
