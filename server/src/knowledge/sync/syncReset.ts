/**
 * Whether a client's copy of the knowledge can be continued from its cursor, or must be deleted
 * and copied again from cursor 0 ("reset"): cursors mean something only within one store (data
 * epoch) and one page format, never beyond the newest change, and not across pruned deletions
 * the copy may still hold.
 */
import { KNOWLEDGE_SYNC_FORMAT, type KnowledgeSyncResetReason } from '@tandem/shared';
import type { FeedState } from '../../storage/knowledgeRepo.js';

/** Where a client says its copy stands. */
export interface ClientSyncPosition {
  cursor: number;
  epoch?: string | undefined;
  format?: number | undefined;
  horizon?: number | undefined;
}

export function syncResetReason(
  client: ClientSyncPosition,
  feed: FeedState,
  format: number = KNOWLEDGE_SYNC_FORMAT,
): KnowledgeSyncResetReason | undefined {
  // Cursor 0 is an empty copy. One past it must say where it came from: a copy built before
  // epochs and formats existed cannot, and is as unknown as another server's.
  const fresh = client.cursor === 0;
  if (client.epoch === undefined ? !fresh : client.epoch !== feed.epoch) return 'epoch';
  if (client.format === undefined ? !fresh : client.format !== format) return 'format';
  const floor = client.horizon ?? 0;
  // A pruned deletion may have been the newest change, so the horizon counts as issued too.
  if (client.cursor > Math.max(feed.latestSeq, feed.horizon) || floor > feed.horizon) return 'ahead';
  // Deletions pruned at or below the floor were pruned before the copy was read, so they cannot
  // concern it; one above both may concern a document the copy still holds. An empty copy holds
  // nothing: never reset it for age, or it would start over forever.
  if (!fresh && feed.horizon > Math.max(client.cursor, floor)) return 'pruned';
  return undefined;
}
