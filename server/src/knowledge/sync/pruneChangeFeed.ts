/**
 * Keeps the change feed from growing forever: at most once per interval (across every node, as
 * the last run is kept in the store), rows older than the retention window that a newer row
 * supersedes, and old deletions, are pruned. Runs from the knowledge engine's timer, off the
 * request path; readers behind a pruned deletion are told to start over (see syncReset.ts).
 */
import type { Logger } from '../../logging/logger.js';
import type { KnowledgeRepo } from '../../storage/knowledgeRepo.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How long a client may stay away and still continue its copy from its cursor. */
export const CHANGE_FEED_RETENTION_MS = 30 * DAY_MS;
/** Pruning is cheap but not free: once an hour is plenty for a window of days. */
export const CHANGE_FEED_PRUNE_EVERY_MS = 60 * 60 * 1000;
export const PRUNED_AT_META_KEY = 'changeFeedPrunedAt';

export interface PruneOptions {
  now?: Date;
  retentionMs?: number;
  everyMs?: number;
}

/** Prunes when due; the rows pruned, or undefined when it was not due or failed (logged, never thrown: it runs on a timer). */
export async function pruneChangeFeedIfDue(repo: KnowledgeRepo, log: Logger, options: PruneOptions = {}): Promise<number | undefined> {
  const now = options.now ?? new Date();
  const retentionMs = options.retentionMs ?? CHANGE_FEED_RETENTION_MS;
  const everyMs = options.everyMs ?? CHANGE_FEED_PRUNE_EVERY_MS;
  try {
    const last = Date.parse((await repo.getMeta(PRUNED_AT_META_KEY)) ?? '');
    if (Number.isFinite(last) && now.getTime() - last < everyMs) return undefined;
    await repo.setMeta(PRUNED_AT_META_KEY, now.toISOString());
    const started = performance.now();
    const pruned = await repo.pruneChanges(new Date(now.getTime() - retentionMs));
    if (pruned > 0) log.info({ pruned, ms: Math.round(performance.now() - started) }, 'knowledge change feed pruned');
    return pruned;
  } catch (err) {
    log.error({ err }, 'knowledge change feed pruning failed');
    return undefined;
  }
}
