import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPgliteDatabase } from '../../storage/pglite/pgliteDatabase.js';
import { storeOn, type Store } from '../../storage/store.js';
import { assistPolicies, DEFAULT_ASSIST_POLICY, readAssistPolicy } from './assistPolicy.js';

let store: Store;

beforeAll(async () => {
  store = await storeOn(await openPgliteDatabase());
  await store.tenants.create('acme', 'Acme');
  await store.tenants.create('globex', 'Globex');
});
afterAll(() => store.close());

describe('assist policy', () => {
  it('is off by default, and says it was never set', async () => {
    expect(await readAssistPolicy(store, 'acme')).toEqual({ ...DEFAULT_ASSIST_POLICY, excludeFlaggedSources: false, updatedAt: null });
  });

  it('keeps a change per workspace', async () => {
    const policies = assistPolicies(store);
    const set = await policies.set('acme', { excludeFlaggedSources: true });
    expect(set.excludeFlaggedSources).toBe(true);
    expect(set.updatedAt).not.toBeNull();
    expect(await policies.get('acme')).toMatchObject({ excludeFlaggedSources: true });
    expect(await policies.get('globex')).toMatchObject({ excludeFlaggedSources: false, updatedAt: null });
    expect(await policies.set('acme', {})).toMatchObject({ excludeFlaggedSources: true });
  });

  it('reads a damaged or older stored value as the defaults for what it lacks', async () => {
    await store.settings.put('globex', 'assistPolicy', { excludeFlaggedSources: 'yes', somethingNewer: 1 });
    expect(await readAssistPolicy(store, 'globex')).toMatchObject({ excludeFlaggedSources: false });
  });
});
