/**
 * Search indexes following the change feed across pruning: a node whose index lagged behind a
 * pruned deletion rebuilds from the store instead of keeping the deleted document, and an index
 * built after the pruning keeps following without rebuilding again and again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../logging/logger.js';
import { openPgliteDatabase } from '../../storage/pglite/pgliteDatabase.js';
import { storeOn, type Store } from '../../storage/store.js';
import { KnowledgeIndexes } from './knowledgeIndexes.js';

const tenantId = 'indexed';
let store: Store;
let sourceId: string;
const messages: string[] = [];
const log = createLogger('info', { write: (line: string) => void messages.push((JSON.parse(line) as { msg: string }).msg) });
const rebuilds = () => messages.filter((m) => m.includes('rebuilding')).length;

async function put(name: string, text: string): Promise<string> {
  const { document } = await store.knowledge.upsertDocument({
    tenantId,
    sourceId,
    externalId: name,
    title: name,
    contentHash: text,
    chunks: [{ text, sectionPath: [] }],
  });
  return document.id;
}

const titlesFound = async (indexes: KnowledgeIndexes, text: string) =>
  (await indexes.forTenant(tenantId)).search({ text, k: 10 }).map((hit) => hit.title);

beforeAll(async () => {
  store = await storeOn(await openPgliteDatabase());
  await store.tenants.create(tenantId, 'Indexed');
  sourceId = (await store.knowledge.ensureSource(tenantId, 'upload', 'Uploads')).id;
});
afterAll(() => store.close());

describe('KnowledgeIndexes across a pruned change feed', () => {
  it('rebuilds an index that lagged behind a pruned deletion, once', async () => {
    await put('kettle', 'The kettle descaling guide for hard water.');
    const doomed = await put('toaster', 'The toaster crumb tray slides out from the back.');
    // This node stops hearing about changes (no notify, no polling) while another one deletes and prunes.
    const stalled = new KnowledgeIndexes(store.knowledge, log, { pollMs: 60_000 });
    expect(await titlesFound(stalled, 'toaster crumb tray')).toEqual(['toaster']);
    await store.knowledge.deleteDocument(tenantId, doomed);
    expect(await store.knowledge.pruneChanges(new Date(Date.now() + 60_000))).toBeGreaterThan(0);

    await stalled.settle();
    expect(rebuilds()).toBe(1);
    expect(await titlesFound(stalled, 'toaster crumb tray')).toEqual([]);
    expect(await titlesFound(stalled, 'kettle descaling')).toEqual(['kettle']);

    await put('blender', 'The blender lid locks with a quarter turn.');
    await stalled.settle();
    await stalled.settle();
    expect(await titlesFound(stalled, 'blender lid')).toEqual(['blender']);
    expect(rebuilds()).toBe(1);

    // Built after the pruning, with every remaining change below the horizon: it follows without rebuilding.
    const fresh = new KnowledgeIndexes(store.knowledge, log, { pollMs: 60_000 });
    expect(await titlesFound(fresh, 'kettle descaling')).toEqual(['kettle']);
    await fresh.settle();
    await fresh.settle();
    expect(rebuilds()).toBe(1);
  });
});
