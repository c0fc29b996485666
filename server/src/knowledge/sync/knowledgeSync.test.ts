/**
 * The sync service against a real store whose change feed was pruned: a fresh copy still gets
 * every stored document and is never sent round in a loop, a copy that saw the pruned deletion
 * continues, and one that lagged behind it starts over.
 */
import { KNOWLEDGE_SYNC_FORMAT, type KnowledgeSyncAnswer, type KnowledgeSyncInput, type KnowledgeSyncPage } from '@tandem/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../logging/logger.js';
import { openPgliteDatabase } from '../../storage/pglite/pgliteDatabase.js';
import { storeOn, type Store } from '../../storage/store.js';
import { knowledgeSync, type KnowledgeSync } from './knowledgeSync.js';

const tenantId = 'pruned';
let store: Store;
let sync: KnowledgeSync;
const ids: Record<string, string> = {};

function pageOf(answer: KnowledgeSyncAnswer): KnowledgeSyncPage {
  if (answer.kind !== 'page') throw new Error(`expected a page, got a reset (${answer.reason})`);
  return answer;
}
const ask = (position: KnowledgeSyncInput, limit = 500) => sync(tenantId, { ...position, limit });
const after = (page: KnowledgeSyncPage) => ({ cursor: page.cursor, epoch: page.epoch, format: page.format, horizon: page.horizon });

/** A copy from `from` to the end of the feed, as the extension makes it. */
async function copyFrom(from: KnowledgeSyncInput, limit: number) {
  const documents = new Set<string>();
  let position = from;
  for (let pages = 0; pages < 50; pages++) {
    const page = pageOf(await ask(position, limit));
    for (const id of page.deletions) documents.delete(id);
    for (const doc of page.upserts) documents.add(doc.documentId);
    position = after(page);
    if (!page.hasMore) return { documents, position };
  }
  throw new Error('sync does not end');
}

beforeAll(async () => {
  store = await storeOn(await openPgliteDatabase());
  sync = knowledgeSync({ repo: store.knowledge, log: createLogger('silent') });
  await store.tenants.create(tenantId, 'Pruned');
  const sourceId = (await store.knowledge.ensureSource(tenantId, 'upload', 'Uploads')).id;
  const put = async (name: string, hash = name) => {
    const { document } = await store.knowledge.upsertDocument({
      tenantId,
      sourceId,
      externalId: name,
      title: `Article ${name}`,
      contentHash: hash,
      chunks: [{ text: `All about ${name}.`, sectionPath: [] }],
    });
    ids[name] = document.id;
  };
  await put('a');
  await put('c');
  await put('a', 'a2');
  await put('b');
});
afterAll(() => store.close());

describe('knowledge sync over a pruned feed', () => {
  it('resets a copy that lagged behind a pruned deletion, continues one that saw it, and copies afresh without looping', async () => {
    const lagging = (await copyFrom({ cursor: 0 }, 500)).position;
    expect(lagging.horizon).toBe(0);
    await store.knowledge.deleteDocument(tenantId, ids.b!);
    const current = (await copyFrom(lagging, 500)).position;

    // Every row is old by then: a's first version, b's upsert and b's deletion go; the deletion is now the horizon.
    expect(await store.knowledge.pruneChanges(new Date(Date.now() + 60_000))).toBe(3);
    const { horizon, latestSeq } = await store.knowledge.feedState(tenantId);
    expect(horizon).toBe(current.cursor);
    expect(latestSeq).toBeLessThan(horizon);

    expect(await ask(lagging)).toMatchObject({ kind: 'reset', reason: 'pruned', epoch: lagging.epoch, format: KNOWLEDGE_SYNC_FORMAT });
    expect(await ask(current)).toMatchObject({ kind: 'page', cursor: current.cursor, upserts: [], deletions: [], hasMore: false });

    // A fresh copy, one change per page, pages through rows below the horizon and gets every stored document.
    const fresh = await copyFrom({ cursor: 0 }, 1);
    expect([...fresh.documents].sort()).toEqual([ids.a, ids.c].sort());
    expect(fresh.position).toMatchObject({ cursor: latestSeq, horizon });
    // Its next poll continues: its pages were read after the deletion was pruned.
    expect(await ask(fresh.position)).toMatchObject({ kind: 'page', upserts: [], hasMore: false });
    // Without the horizon it was read at, the same cursor could be a copy that still holds b.
    expect(await ask({ ...fresh.position, horizon: undefined })).toMatchObject({ kind: 'reset', reason: 'pruned' });
  });
});
