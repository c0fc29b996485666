/**
 * Builds a Tandem server from a validated config: storage, the tRPC API at /trpc, probes, the
 * console. Returns `{ server, start, stop }`; nothing listens until `start()`.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import type { OutboundEventType } from '@tandem/shared';
import fastifyCors from '@fastify/cors';
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { createActionRegistry } from './assist/actions/actionRegistry.js';
import { IntentClassifier } from './assist/analysis/intentClassifier.js';
import { SUPPORT_INTENT_EXAMPLES } from './assist/analysis/supportIntents.js';
import { createAssistEngine, type AssistEngineOptions } from './assist/assistEngine.js';
import { DemoStoreClient } from './assist/connectors/demoStore.js';
import type { ActionCatalog } from './assist/actions/suggestActions.js';
import { CircuitBreaker } from './assist/drafting/circuitBreaker.js';
import type { Drafter } from './assist/drafting/drafter.js';
import { LlmDrafter } from './assist/drafting/llmDrafter.js';
import type { LiveStateSource } from './assist/liveState.js';
import { bootstrapAdmin, DEFAULT_TENANT_ID, type AdminBootstrap } from './auth/bootstrapAdmin.js';
import type { ServerConfig } from './config/env.js';
import type { Embedder } from './knowledge/embedding/embedder.js';
import { sharedQueryEmbedder } from './knowledge/embedding/sharedQueryEmbedder.js';
import { createKnowledgeEngine } from './knowledge/knowledgeEngine.js';
import { registerConsoleRoutes } from './http/consoleRoutes.js';
import { registerProbeRoutes } from './http/probeRoutes.js';
import { createLiveContext } from './live/liveContext.js';
import { createOutboundWebhooks } from './live/outbound/outboundWebhooks.js';
import { createLiveEventLog, type LiveEventLog } from './live/liveEventLog.js';
import { registerLiveWebhooks } from './live/webhookIngest.js';
import { DEFAULT_DEMO_STORE_PREFIX, registerDemoStore } from './demoStore/demoStoreApi.js';
import { ensureDemoStoreSource, startDemoStoreWebhooks } from './demoStore/demoStoreWebhooks.js';
import { createLogger, type Logger } from './logging/logger.js';
import { openStore, type Store } from './storage/store.js';
import { appRouter, type AppRouter } from './trpc/appRouter.js';
import { contextFactory, type ServerDeps } from './trpc/context.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,100}$/;

export const SERVER_VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string })
  .version;

export interface CreateServerOptions {
  logger?: Logger;
  /** An already-open store (tests share one); otherwise opened from config. */
  store?: Store;
  /** The embedder behind semantic search; `null` runs lexical only. Default: from config. */
  embedder?: Embedder | null;
  /** Assist parts to use instead of the configured ones (tests): an LLM drafter (`null`: none), the action catalog, live state. */
  assist?: { llm?: Drafter | null; actions?: ActionCatalog; live?: LiveStateSource };
}

/**
 * The configured connectors' actions. The demo store is served by this same server, so its client
 * can only be built once the server listens and its address is known: until then the catalog is
 * whatever was built last (empty before the first start).
 */
function lateCatalog() {
  let current: ActionCatalog = { list: () => [], get: () => undefined };
  return {
    catalog: { list: () => current.list(), get: (name: string) => current.get(name) } satisfies ActionCatalog,
    set(next: ActionCatalog) {
      current = next;
    },
  };
}

export async function createServer(config: ServerConfig, options: CreateServerOptions = {}) {
  const logger = options.logger ?? createLogger(config.logLevel);
  const store = options.store ?? (await openStore(config));
  const admin: AdminBootstrap = await bootstrapAdmin(store, config.dataDir, config.adminToken);
  const baseEmbedder = options.embedder === null ? undefined : (options.embedder ?? (await createConfiguredEmbedder(config)));
  const embedder = baseEmbedder === undefined ? undefined : sharedQueryEmbedder(baseEmbedder);
  // Fitted in the background (a few seconds with USE-lite); drafts report no intent until then.
  let intents: IntentClassifier | undefined;
  if (embedder !== undefined)
    void IntentClassifier.fit(SUPPORT_INTENT_EXAMPLES, embedder, { minConfidence: 0.15 })
      .then((fitted) => {
        intents = fitted;
      })
      .catch((error: unknown) => logger.warn({ err: error }, 'intent examples could not be embedded; drafts carry no intent'));
  const knowledge = await createKnowledgeEngine({ store, log: logger, config, embedder });
  const outbound = createOutboundWebhooks({
    store,
    log: logger.child({ component: 'outbound' }),
    allowPrivateUrls: config.knowledge.allowPrivateUrls,
  });
  const notify = (tenantId: string, type: OutboundEventType, data: Record<string, unknown>) =>
    void outbound.emit(tenantId, type, data).catch((error: unknown) => logger.error({ err: error, type }, 'outbound webhook not queued'));
  const live = createLiveContext({
    live: store.live,
    notifications: store.notifications,
    log: logger,
    onFired: (tenantId, n) =>
      notify(tenantId, 'alert.fired', { seq: n.seq, kind: n.kind, customerKey: n.customerKey, title: n.title, detail: n.detail, at: n.at }),
  });
  const eventLog = createLiveEventLog({ live: store.live, log: logger, onAppended: (events) => live.onAppended(events) });
  const recordAnalysis = analysisRecorder(store, eventLog);
  const actions = lateCatalog();
  let demoStoreClient: DemoStoreClient | undefined;
  // The live event log knows the customer when their systems send webhooks; the demo store fills in otherwise.
  const liveState: LiveStateSource = {
    forTicket: async (tenantId, ticket, signal) => {
      const email = ticket.requester.email;
      if (email === undefined) return undefined;
      // The demo store holds its customers' whole history; its webhooks only carry what changed since start.
      const fromDemo =
        demoStoreClient === undefined ? undefined : await demoStoreClient.liveStateForEmail(email, signal).catch(() => undefined);
      return fromDemo ?? live.stateFor(tenantId, { email });
    },
  };
  const assist = createAssistEngine({
    store,
    knowledge,
    log: logger,
    actions: options.assist?.actions ?? actions.catalog,
    llm: options.assist?.llm === undefined ? configuredLlm(config) : (options.assist.llm ?? undefined),
    live: options.assist?.live ?? liveState,
    reviewThreshold: config.assist.reviewThreshold,
    recordAnalysis,
    notify,
    classifyIntent: (text) => (intents === undefined ? Promise.resolve(null) : intents.classify(text)),
  });
  const deps: ServerDeps = { config, store, knowledge, assist, live, logger, version: SERVER_VERSION, startedAt: Date.now() };

  const server = Fastify({
    // pino's Logger is a FastifyBaseLogger; the cast keeps Fastify's default generic so plugins type-check.
    loggerInstance: logger as FastifyBaseLogger,
    routerOptions: { maxParamLength: 5000 },
    // Uploads travel base64-encoded in JSON (4/3 of their size); every route needs a token.
    bodyLimit: Math.ceil(config.knowledge.maxUploadBytes * 1.4) + 1024 * 1024,
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  });
  server.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });

  // The desktop app's page lives at tandem://app; browsers elsewhere get no CORS grant.
  await server.register(fastifyCors, {
    origin: config.corsOrigins,
    allowedHeaders: ['authorization', 'content-type', 'x-request-id'],
    maxAge: 600,
  });

  let ready = false;
  registerProbeRoutes(server, store, () => ready);
  await server.register(fastifyTRPCPlugin, {
    prefix: '/trpc',
    trpcOptions: {
      router: appRouter,
      createContext: contextFactory(deps),
      onError({ error, path, ctx }) {
        if (error.code === 'INTERNAL_SERVER_ERROR') (ctx?.log ?? logger).error({ err: error, path }, 'procedure failed');
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'],
  });
  await registerConsoleRoutes(server, config.consoleDir);
  await registerLiveWebhooks(server, { store, log: logger, eventLog });
  const sweep = setInterval(
    () => void live.sweep().catch((error: unknown) => logger.error({ err: error }, 'trigger sweep failed')),
    30_000,
  );
  sweep.unref();
  // Only this process knows the key: the demo store's data changes only through Tandem's confirmed actions.
  const demoStoreKey = randomUUID();
  const demoStoreEvents = config.demoStore
    ? await registerDemoStore(server, { prefix: DEFAULT_DEMO_STORE_PREFIX, apiKey: demoStoreKey })
    : undefined;
  let demoStoreWebhooks: { stop(): Promise<void> } | undefined;

  let stopping: Promise<void> | undefined;
  return {
    server,
    admin,
    store,
    knowledge,
    assist,
    live,
    async start(): Promise<string> {
      knowledge.start();
      outbound.start();
      const address = await server.listen({ port: config.port, host: config.host });
      let demoStore: { baseUrl: string; apiKey: string } | undefined;
      if (config.demoStore) {
        const { port } = server.server.address() as AddressInfo;
        const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
        demoStore = {
          baseUrl: `http://${host.includes(':') ? `[${host}]` : host}:${port}${DEFAULT_DEMO_STORE_PREFIX}`,
          apiKey: demoStoreKey,
        };
        demoStoreClient = new DemoStoreClient(demoStore);
        if (demoStoreEvents !== undefined) {
          // The demo store's changes travel as real signed webhooks, so `npm start` shows live context moving.
          const source = await ensureDemoStoreSource(store, DEFAULT_TENANT_ID);
          demoStoreWebhooks = startDemoStoreWebhooks({
            demoStore: demoStoreEvents,
            url: `${demoStore.baseUrl.slice(0, -DEFAULT_DEMO_STORE_PREFIX.length)}/webhooks/${DEFAULT_TENANT_ID}/${source.id}`,
            secret: source.secret,
            log: logger,
          });
        }
      }
      actions.set(createActionRegistry({ ...config.assist.connectors, ...(demoStore === undefined ? {} : { demoStore }) }));
      ready = true;
      return address;
    },
    /** Stops accepting, lets in-flight requests finish, then closes storage. Safe to call twice. */
    stop(): Promise<void> {
      stopping ??= (async () => {
        ready = false;
        clearInterval(sweep);
        assist.close();
        await demoStoreWebhooks?.stop();
        await server.close();
        await eventLog.close();
        await live.settled();
        await outbound.stop();
        await knowledge.stop();
        if (options.store === undefined) await store.close();
      })();
      return stopping;
    },
  };
}

export type TandemServer = Awaited<ReturnType<typeof createServer>>;

/**
 * Each draft's analysis goes into the customer's event log (as Tandem's own source), so the live
 * context sees frustration in conversations and its trigger can alert a lead. Only scores travel,
 * never text; one event per ticket state (the id hashes the messages).
 */
function analysisRecorder(store: Store, eventLog: LiveEventLog): NonNullable<AssistEngineOptions['recordAnalysis']> {
  const sources = new Map<string, Promise<string>>();
  const sourceOf = (tenantId: string) => {
    let id = sources.get(tenantId);
    if (id === undefined) {
      id = (async () => {
        const existing = (await store.live.listSources(tenantId)).find((s) => s.name === ASSIST_SOURCE_NAME);
        return (existing ?? (await store.live.createSource(tenantId, ASSIST_SOURCE_NAME))).id;
      })();
      id.catch(() => sources.delete(tenantId));
      sources.set(tenantId, id);
    }
    return id;
  };
  return async (tenantId, ticket, analysis) => {
    const email = ticket.requester.email;
    if (email === undefined) return;
    const state = createHash('sha256')
      .update(ticket.messages.map((m) => m.body).join('\u0000'))
      .digest('hex')
      .slice(0, 16);
    await eventLog.append([
      {
        tenantId,
        sourceId: await sourceOf(tenantId),
        id: `analysis:${ticket.site}:${ticket.ticketId}:${state}`,
        type: 'generic',
        occurredAt: new Date().toISOString(),
        customer: { email },
        data: {
          kind: 'conversation.analyzed',
          ticketId: `${ticket.site}:${ticket.ticketId}`,
          frustration: analysis.frustration,
          sentiment: analysis.sentiment,
        },
      },
    ]);
  };
}

const ASSIST_SOURCE_NAME = 'Tandem assist';

/** The LLM drafter when a provider is configured (a key, or a base URL for local servers that need none). */
function configuredLlm(config: ServerConfig): Drafter | undefined {
  const { baseUrl, apiKey, model } = config.llm;
  if (baseUrl === undefined && apiKey === undefined) return undefined;
  return new LlmDrafter({ baseUrl, apiKey, model, breaker: new CircuitBreaker({ failureThreshold: 3, coolDownMs: 30_000 }) });
}

async function createConfiguredEmbedder(config: ServerConfig): Promise<Embedder> {
  const { createEmbedder } = await import('./knowledge/embedding/createEmbedder.js');
  return createEmbedder(config.embedder);
}
