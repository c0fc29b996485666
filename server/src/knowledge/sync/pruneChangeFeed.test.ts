/**
 * Change-feed pruning on the engine's timer, with an explicit clock: at most once per interval,
 * only rows older than the retention window, and a failure logged rather than thrown.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../logging/logger.js';
import { openPgliteDatabase } from '../../storage/pglite/pgliteDatabase.js';
import { storeOn, type Store } from '../../storage/store.js';
import { CHANGE_FEED_PRUNE_EVERY_MS, CHANGE_FEED_RETENTION_MS, pruneChangeFeedIfDue } from './pruneChangeFeed.js';

const tenantId = 'pruning';
let store: Store;
const logged: { level: number; msg: string }[] = [];
const log = createLogger('info', { write: (line: string) => void logged.push(JSON.parse(line) as { level: number; msg: string }) });

beforeAll(async () => {
  store = await storeOn(await openPgliteDatabase());
  await store.tenants.create(tenantId, 'Pruning');
  const sourceId = (await store.knowledge.ensureSource(tenantId, 'upload', 'Uploads')).id;
  for (const hash of ['v1', 'v2', 'v3']) {
    await store.knowledge.upsertDocument({
      tenantId,
      sourceId,
      externalId: 'faq',
      title: 'FAQ',
      contentHash: hash,
      chunks: [{ text: `Answers, ${hash}.`, sectionPath: [] }],
    });
  }
});
let closed = false;
afterAll(async () => {
  if (!closed) await store.close();
});

describe('pruneChangeFeedIfDue', () => {
  it('prunes at most once per interval, and only rows older than the retention window', async () => {
    const now = Date.now();
    const at = (ms: number) => ({ now: new Date(now + ms) });
    // Due at first, but nothing is 30 days old yet.
    expect(await pruneChangeFeedIfDue(store.knowledge, log, at(0))).toBe(0);
    expect(await store.knowledge.changesSince(0, 10, tenantId)).toHaveLength(3);
    // Not due again within the interval, whatever the rows' age.
    expect(await pruneChangeFeedIfDue(store.knowledge, log, at(CHANGE_FEED_PRUNE_EVERY_MS - 1))).toBeUndefined();
    expect(await pruneChangeFeedIfDue(store.knowledge, log, at(CHANGE_FEED_PRUNE_EVERY_MS))).toBe(0);

    // A month later the two superseded versions go; the newest stays for every fresh copy.
    const monthLater = CHANGE_FEED_RETENTION_MS + CHANGE_FEED_PRUNE_EVERY_MS + 60_000;
    expect(await pruneChangeFeedIfDue(store.knowledge, log, at(monthLater))).toBe(2);
    expect((await store.knowledge.changesSince(0, 10, tenantId)).map((c) => c.version)).toEqual([3]);
    expect(logged.some((l) => l.msg === 'knowledge change feed pruned')).toBe(true);
    // A shorter window, as an option.
    expect(await pruneChangeFeedIfDue(store.knowledge, log, { ...at(monthLater + CHANGE_FEED_PRUNE_EVERY_MS), retentionMs: 1 })).toBe(0);
  });

  it('logs a failure instead of throwing, since it runs on a timer', async () => {
    await store.close();
    closed = true;
    expect(await pruneChangeFeedIfDue(store.knowledge, log, { now: new Date(Date.now() + 2 * CHANGE_FEED_RETENTION_MS) })).toBeUndefined();
    expect(logged.at(-1)).toMatchObject({ level: 50, msg: 'knowledge change feed pruning failed' });
  });
});
