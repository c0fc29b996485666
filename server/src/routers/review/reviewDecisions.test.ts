// Rejected review items kept per workspace in real PGlite: listed back, never twice, workspaces apart, concurrent rejections all kept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPgliteDatabase } from '../../storage/pglite/pgliteDatabase.js';
import { storeOn, type Store } from '../../storage/store.js';
import { reviewDecisions } from './reviewDecisions.js';

let store: Store;
beforeAll(async () => {
  store = await storeOn(await openPgliteDatabase());
  await store.tenants.create('acme', 'Acme');
  await store.tenants.create('globex', 'Globex');
});
afterAll(async () => {
  await store?.close();
});

describe('reviewDecisions', () => {
  it('remembers rejections per workspace, once each', async () => {
    const decisions = reviewDecisions(store.settings);
    expect(await decisions.rejected('acme')).toEqual(new Set());
    await decisions.reject('acme', 'm1', 'tok_a');
    await decisions.reject('acme', 'm1', 'tok_a');
    expect([...(await decisions.rejected('acme'))]).toEqual(['m1']);
    expect(await decisions.rejected('globex')).toEqual(new Set());
    // A second instance (another request, a restart) reads the same record.
    expect(await reviewDecisions(store.settings).rejected('acme')).toEqual(new Set(['m1']));
  });

  it('keeps every one of several rejections made at once', async () => {
    const decisions = reviewDecisions(store.settings);
    await Promise.all(['a', 'b', 'c', 'd'].map((id) => decisions.reject('globex', id, 'tok_g')));
    expect(await decisions.rejected('globex')).toEqual(new Set(['a', 'b', 'c', 'd']));
  });

  it('reads a value of another shape as nothing rejected', async () => {
    await store.settings.put('acme', 'review.rejected', { not: 'a list' });
    expect(await reviewDecisions(store.settings).rejected('acme')).toEqual(new Set());
  });
});
