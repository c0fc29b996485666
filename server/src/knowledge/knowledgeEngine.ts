/**
 * The knowledge engine of one server process: per-tenant search indexes following the change
 * feed, the vector filler behind ingestion, the ingestion jobs, and search. The server and the
 * `tandem eval` command build the same engine.
 */
import { KNOWLEDGE_CHANGES_HEARTBEAT_MS, type IngestJobStarted, type ingestUrlsInputSchema, type SearchQuery } from '@tandem/shared';
import type { z } from 'zod';
import type { ServerConfig } from '../config/env.js';
import { ServiceError } from '../errors/serviceError.js';
import type { Logger } from '../logging/logger.js';
import type { Store } from '../storage/store.js';
import type { Embedder } from './embedding/embedder.js';
import { privateEmbedder } from './embedding/privateEmbedder.js';
import { IngestService } from './ingest/ingestService.js';
import { ingestUrls, urlSourceSettingsSchema } from './ingest/urlIngestion.js';
import { knowledgeRequests } from './knowledgeRequests.js';
import { DEFAULT_PARSE_LIMITS } from './parsing/parsedDocument.js';
import { KnowledgeIndexes } from './search/knowledgeIndexes.js';
import { embedQuery } from './search/queryEmbedding.js';
import { searchKnowledge, type KnowledgeSearchResult } from './search/searchKnowledge.js';
import { claimEmbedder, VectorFiller } from './search/vectorFiller.js';
import { knowledgeChangeStream } from './sync/changeStream.js';
import { KnowledgeChangeWatch } from './sync/changeWatch.js';
import { knowledgeSync } from './sync/knowledgeSync.js';
import { pruneChangeFeedIfDue } from './sync/pruneChangeFeed.js';

export interface KnowledgeEngineOptions {
  store: Store;
  log: Logger;
  config: Pick<ServerConfig, 'knowledge'>;
  /** Without one, search is lexical only (tests that do not exercise vectors). */
  embedder: Embedder | undefined;
  /** How often to look for changes written by other nodes. */
  pollMs?: number;
  /** How often a quiet `knowledge.changes` stream says it is still there (tests shorten it). */
  heartbeatMs?: number;
}

export async function createKnowledgeEngine(options: KnowledgeEngineOptions) {
  const { store, log } = options;
  // Every text an embedder gets is normalised, and redacted when the embedder sends it away.
  const embedder = options.embedder === undefined ? undefined : privateEmbedder(options.embedder);
  const indexes = new KnowledgeIndexes(store.knowledge, log, { pollMs: options.pollMs ?? 250 });
  // Open side panels hear of a change from the same signal that updates this node's index.
  const changeWatch = new KnowledgeChangeWatch(store.knowledge, log, { pollMs: options.pollMs ?? 250 });
  const changed = () => {
    indexes.notify();
    changeWatch.notify();
  };
  let filler: VectorFiller | undefined;
  if (embedder !== undefined) {
    await claimEmbedder(store.knowledge, embedder);
    filler = new VectorFiller(store.knowledge, embedder, changed, log);
  }
  const interrupted = await store.ingestJobs.interruptRunning();
  if (interrupted > 0) log.warn({ interrupted }, 'ingestion jobs were interrupted by a restart; their reports list what to retry');
  const ingest = new IngestService({
    store,
    log,
    limits: { ...DEFAULT_PARSE_LIMITS, maxBytes: options.config.knowledge.maxUploadBytes },
    onStored: () => {
      changed();
      filler?.notify();
    },
  });

  const urlDeps = {
    ingest,
    log,
    allowPrivate: options.config.knowledge.allowPrivateUrls,
    maxBytes: options.config.knowledge.maxUploadBytes,
  };

  /** Crawls a URL source again: edits are stored as new versions, pages that are gone are deleted. */
  async function resyncSource(tenantId: string, sourceId: string): Promise<IngestJobStarted> {
    const source = await store.knowledge.getSource(tenantId, sourceId);
    if (source === undefined) throw new ServiceError('NOT_FOUND', 'No such source in this workspace');
    if (source.kind !== 'url')
      throw new ServiceError('BAD_REQUEST', `A ${source.kind} source is updated by sending its documents again, not by re-sync`);
    return ingestUrls(urlDeps, tenantId, source.name, urlSourceSettingsSchema.parse(source.settings));
  }

  let resyncTimer: NodeJS.Timeout | undefined;
  async function resyncDueSources(): Promise<void> {
    for (const due of await store.knowledge.dueUrlSources()) {
      log.info({ tenantId: due.tenantId, sourceId: due.sourceId }, 'scheduled re-sync');
      await resyncSource(due.tenantId, due.sourceId);
    }
  }

  return {
    indexes,
    ingest,
    ...knowledgeRequests({
      store,
      ingest,
      maxUploadBytes: options.config.knowledge.maxUploadBytes,
      changed,
    }),
    /** Web pages as a source (named after the first URL's host unless named), crawled now and re-synced on schedule. */
    ingestUrls: (tenantId: string, input: z.output<typeof ingestUrlsInputSchema>): Promise<IngestJobStarted> =>
      ingestUrls(urlDeps, tenantId, input.sourceName ?? new URL(input.urls[0] as string).host, {
        urls: input.urls,
        depth: input.depth,
        maxPages: input.maxPages,
        ...(input.resyncMinutes === undefined ? {} : { resyncMinutes: input.resyncMinutes }),
      }),
    resyncSource,
    filler,
    embedder,
    search: (tenantId: string, query: SearchQuery): Promise<KnowledgeSearchResult> =>
      searchKnowledge({ indexes, embedder }, tenantId, query),
    /** The query's vector as clients' caches store theirs; null without a working embedder. */
    embedQuery: (text: string, requestLog: Pick<Logger, 'warn'> = log) => embedQuery(embedder, text, requestLog),
    /** knowledge.sync: one page of the change feed for a client's local cache, or "reset". */
    sync: knowledgeSync({ repo: store.knowledge, log }),
    /** knowledge.changes: where the workspace's feed stands, again whenever it moves, heartbeats between. */
    changes: (tenantId: string, lastEventId: string | undefined, signal: AbortSignal | undefined) =>
      knowledgeChangeStream(
        { watch: changeWatch, repo: store.knowledge, heartbeatMs: options.heartbeatMs ?? KNOWLEDGE_CHANGES_HEARTBEAT_MS },
        tenantId,
        lastEventId,
        signal,
      ),
    /** Something wrote the store without the engine (tools, benchmarks): update the index and tell the panels now, not at the next poll. */
    notifyChanged: changed,
    start(): void {
      indexes.start();
      changeWatch.start();
      filler?.start();
      resyncTimer ??= setInterval(() => {
        void resyncDueSources().catch((err: unknown) => log.error({ err }, 'scheduled re-sync failed'));
        void pruneChangeFeedIfDue(store.knowledge, log);
      }, 60_000);
      resyncTimer.unref();
    },
    /** Ends the open `knowledge.changes` streams, so the server's connections can close. */
    drain(): void {
      changeWatch.close();
    },
    async stop(): Promise<void> {
      indexes.stop();
      changeWatch.stop();
      if (resyncTimer !== undefined) clearInterval(resyncTimer);
      await filler?.stop();
      await embedder?.close();
    },
  };
}

export type KnowledgeEngine = Awaited<ReturnType<typeof createKnowledgeEngine>>;
