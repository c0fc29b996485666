// The settings cache over a real PGlite: reads reused, writes seen at once here and after the TTL elsewhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, SqlExecutor } from './database.js';
import { openPgliteDatabase } from './pglite/pgliteDatabase.js';
import { storeOn } from './store.js';
import { workspaceSettingsRepo } from './workspaceSettingsRepo.js';

let db: Database;

beforeAll(async () => {
  const store = await storeOn(await openPgliteDatabase());
  db = store.db;
  await store.tenants.create('acme', 'Acme');
  await store.tenants.create('globex', 'Globex');
});
afterAll(() => db.close());

/** Counts the reads of workspace_settings that reach the database. */
function counting(inner: SqlExecutor): SqlExecutor & { reads: number } {
  const counter = {
    reads: 0,
    query<Row extends Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]> {
      if (sql.startsWith('select')) counter.reads++;
      return inner.query<Row>(sql, params);
    },
  };
  return counter;
}

describe('workspace settings cache', () => {
  it('reads a setting once for concurrent and repeated reads, and per workspace and key', async () => {
    const executor = counting(db);
    const settings = workspaceSettingsRepo(executor);
    await settings.put('acme', 'cached', { n: 1 });
    const reads = await Promise.all([settings.get('acme', 'cached'), settings.get('acme', 'cached'), settings.get('acme', 'cached')]);
    expect(reads.map((r) => r?.value)).toEqual([{ n: 1 }, { n: 1 }, { n: 1 }]);
    expect((await settings.get('acme', 'cached'))?.value).toEqual({ n: 1 });
    expect(executor.reads).toBe(1);
    expect(await settings.get('globex', 'cached')).toBeUndefined();
    expect(await settings.get('acme', 'other')).toBeUndefined();
    expect(executor.reads).toBe(3);
  });

  it('shows a write through this process at once, and gives every caller its own copy', async () => {
    const settings = workspaceSettingsRepo(db);
    await settings.put('acme', 'written', { list: [1] });
    const first = await settings.get('acme', 'written');
    (first?.value as { list: number[] }).list.push(2);
    expect((await settings.get('acme', 'written'))?.value).toEqual({ list: [1] });
    const put = await settings.put('acme', 'written', { list: [3] });
    expect(await settings.get('acme', 'written')).toEqual(put);
  });

  it("shows another node's write once the entry expires", async () => {
    let clock = 1_000;
    const here = workspaceSettingsRepo(db, { ttlMs: 2_000, now: () => clock });
    const otherNode = workspaceSettingsRepo(db);
    await otherNode.put('globex', 'remote', 'before');
    expect((await here.get('globex', 'remote'))?.value).toBe('before');
    await otherNode.put('globex', 'remote', 'after');
    clock += 1_999;
    expect((await here.get('globex', 'remote'))?.value).toBe('before');
    clock += 1;
    expect((await here.get('globex', 'remote'))?.value).toBe('after');
  });

  it('does not keep a failed read', async () => {
    let fail = true;
    const flaky: SqlExecutor = {
      query: <Row extends Record<string, unknown>>(sql: string, params?: readonly unknown[]) =>
        fail ? Promise.reject(new Error('connection lost')) : db.query<Row>(sql, params),
    };
    const settings = workspaceSettingsRepo(flaky);
    await expect(settings.get('acme', 'cached')).rejects.toThrow('connection lost');
    fail = false;
    expect((await settings.get('acme', 'cached'))?.value).toEqual({ n: 1 });
  });
});
