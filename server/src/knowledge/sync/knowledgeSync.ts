/**
 * `knowledge.sync` as a service: the change feed for clients' local caches (the extension), one
 * page per call, or "reset" when the client's copy cannot be continued (another store, another
 * format, a cursor ahead of the feed or behind pruned deletions). Every answer names the store's
 * data epoch and the format, which the client keeps with its cursor.
 */
import { KNOWLEDGE_SYNC_FORMAT, type KnowledgeSyncAnswer, type KnowledgeSyncRequest } from '@tandem/shared';
import type { Logger } from '../../logging/logger.js';
import type { KnowledgeRepo } from '../../storage/knowledgeRepo.js';
import { EMBEDDER_META_KEY } from '../search/vectorFiller.js';
import { syncPageOf } from './syncPage.js';
import { syncResetReason } from './syncReset.js';

/** Chunks per page, roughly: with text and 512-dimension vectors, a few MB of JSON. */
export const SYNC_PAGE_MAX_CHUNKS = 2000;

export interface KnowledgeSyncOptions {
  repo: KnowledgeRepo;
  log: Logger;
  maxChunks?: number;
  /** The page format this server writes (tests pretend to be another version). */
  format?: number;
}

export type KnowledgeSync = (tenantId: string, input: KnowledgeSyncRequest) => Promise<KnowledgeSyncAnswer>;

export function knowledgeSync(options: KnowledgeSyncOptions): KnowledgeSync {
  const { repo, log } = options;
  const maxChunks = options.maxChunks ?? SYNC_PAGE_MAX_CHUNKS;
  const format = options.format ?? KNOWLEDGE_SYNC_FORMAT;
  return async (tenantId, input) => {
    const changes = await repo.changesSince(input.cursor, input.limit, tenantId);
    // Read after the changes: the newest cursor is never behind this page's, and rows pruned
    // before the changes were read are already counted in the horizon.
    const [feed, embedder] = await Promise.all([repo.feedState(tenantId), repo.getMeta(EMBEDDER_META_KEY)]);
    const identity = { epoch: feed.epoch, format };
    const reason = syncResetReason(input, feed, format);
    if (reason !== undefined) {
      log.info({ tenantId, reason, cursor: input.cursor }, 'knowledge sync: the client starts its copy over');
      return { kind: 'reset', ...identity, reason };
    }
    const page = await syncPageOf(repo, tenantId, input.cursor, changes, maxChunks);
    return {
      kind: 'page',
      ...identity,
      cursor: page.cursor,
      upserts: page.upserts,
      deletions: page.deletions,
      hasMore: page.full || changes.length === input.limit,
      embedder: embedder ?? null,
      latestCursor: feed.latestSeq,
      horizon: feed.horizon,
    };
  };
}
