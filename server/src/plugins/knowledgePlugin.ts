/**
 * The knowledge capability: the embedder (configured, or given by tests), the knowledge engine
 * with its indexes, vector filler, ingestion and scheduled re-syncs, started and stopped with the
 * server. Its API is the tRPC `knowledge.*` procedures.
 */
import type { ServerConfig } from '../config/env.js';
import type { Embedder } from '../knowledge/embedding/embedder.js';
import { sharedQueryEmbedder } from '../knowledge/embedding/sharedQueryEmbedder.js';
import { createKnowledgeEngine, type KnowledgeEngine } from '../knowledge/knowledgeEngine.js';
import type { Logger } from '../logging/logger.js';
import type { Store } from '../storage/store.js';
import type { Capability } from './capability.js';

export interface KnowledgePluginDeps {
  config: ServerConfig;
  store: Store;
  log: Logger;
  /** The embedder to use; `null` runs lexical only; undefined builds the configured one. */
  embedder: Embedder | null | undefined;
}

export async function knowledgePlugin({
  config,
  store,
  log,
  embedder,
}: KnowledgePluginDeps): Promise<Capability & { engine: KnowledgeEngine }> {
  const base = embedder === null ? undefined : (embedder ?? (await configuredEmbedder(config)));
  const engine = await createKnowledgeEngine({
    store,
    log,
    config,
    embedder: base === undefined ? undefined : sharedQueryEmbedder(base),
  });
  return {
    name: 'knowledge',
    engine,
    start: () => engine.start(),
    drain: () => engine.drain(),
    stop: () => engine.stop(),
  };
}

async function configuredEmbedder(config: ServerConfig): Promise<Embedder> {
  // Loaded on demand: the embedders pull in model runtimes a lexical-only server never needs.
  const { createEmbedder } = await import('../knowledge/embedding/createEmbedder.js');
  return createEmbedder(config.embedder);
}
