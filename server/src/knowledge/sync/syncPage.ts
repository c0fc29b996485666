/**
 * One page of a tenant's change feed as whole documents: every document touched by the changes
 * read, once, at its current version with all its chunks, or its deletion. Pages are bounded by
 * feed entries and by chunks, so a large knowledge base arrives in pieces a browser can store in
 * one transaction each.
 */
import type { SyncedDocument } from '@tandem/shared';
import type { KnowledgeChange, KnowledgeRepo } from '../../storage/knowledgeRepo.js';
import { loadCurrentDocuments, type CurrentDocument } from './currentDocuments.js';
import { toSyncedDocument } from './syncedDocument.js';

/** Documents read per round trip while filling a page. */
const LOAD_BATCH = 100;

export interface SyncPageContent {
  /** The last change this page reflects (the starting cursor when it reflects none). */
  cursor: number;
  upserts: SyncedDocument[];
  deletions: string[];
  /** The chunk cap stopped the page before the changes read ran out. */
  full: boolean;
}

/**
 * Each document appears once, at its current version (so a page may run ahead of its own cursor;
 * applying it again later is harmless). When the chunk cap stops the page early, `cursor` is the
 * last change whose document is in this page, and every change up to it is reflected here or in
 * an earlier page.
 */
export async function syncPageOf(
  repo: KnowledgeRepo,
  tenantId: string,
  from: number,
  changes: readonly KnowledgeChange[],
  maxChunks: number,
): Promise<SyncPageContent> {
  const order = [...new Set(changes.map((c) => c.documentId))];
  const loaded = new Map<string, CurrentDocument | null>();
  let loadedUpTo = 0;
  const page: SyncPageContent = { cursor: from, upserts: [], deletions: [], full: false };
  const placed = new Set<string>();
  let chunksInPage = 0;
  for (const change of changes) {
    const id = change.documentId;
    if (!placed.has(id)) {
      if (!loaded.has(id)) {
        // Documents are first met in `order`, so the next batch always starts with this one.
        const batch = order.slice(loadedUpTo, loadedUpTo + LOAD_BATCH);
        loadedUpTo += batch.length;
        const current = await loadCurrentDocuments(repo, tenantId, batch);
        for (const batchId of batch) loaded.set(batchId, current.get(batchId) ?? null);
      }
      const current = loaded.get(id) ?? null;
      if (current === null) page.deletions.push(id);
      else {
        // A single document larger than the cap still goes, alone, or the client could never get past it.
        if (chunksInPage > 0 && chunksInPage + current.chunks.length > maxChunks) {
          page.full = true;
          break;
        }
        page.upserts.push(toSyncedDocument(current));
        chunksInPage += current.chunks.length;
      }
      placed.add(id);
    }
    page.cursor = change.seq;
  }
  return page;
}
