// A workspace's own review threshold over a real PGlite store: the default until enough rated
// drafts, then chosen from the stored confidences against the agents' verdicts; per workspace,
// and back to the default after the confidence model changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPgliteDatabase } from '../../storage/pglite/pgliteDatabase.js';
import { storeOn, type Store } from '../../storage/store.js';
import { draftWasFine, MIN_RATED_DRAFTS, readReviewThreshold, refitReviewThreshold, reviewThresholdStatus } from './workspaceThreshold.js';

let store: Store;
const ctx = () => ({ store, defaultThreshold: 0.6, modelVersion: 'model-a' });

beforeAll(async () => {
  store = await storeOn(await openPgliteDatabase());
  await store.tenants.create('acme', 'Acme');
  await store.tenants.create('globex', 'Globex');
});
afterAll(() => store.close());

/** Drafts the agents found fine score 0.4–0.75, the others 0.05 or 0.2: this workspace's scores run lower than the default assumes. */
async function rate(tenantId: string, from: number, count: number, modelVersion = 'model-a') {
  for (let i = from; i < from + count; i++) {
    const fine = i % 3 !== 0;
    const confidence = fine ? 0.35 + (i % 9) * 0.05 : 0.05 + (i % 6) * 0.05;
    await store.draftScores.record(tenantId, `dr-${i}`, confidence, modelVersion);
    await store.feedback.record(
      i % 2 === 0
        ? { tenantId, draftId: `dr-${i}`, tokenId: 'tok', rating: fine ? 'helpful' : 'not-helpful' }
        : { tenantId, draftId: `dr-${i}`, tokenId: 'tok', outcome: fine ? 'sent-as-is' : 'discarded' },
    );
  }
}

describe('draftWasFine', () => {
  it('reads the rating first, then what became of the draft', () => {
    expect(draftWasFine({ rating: 'not-helpful', outcome: 'sent-as-is', keptRatio: 1 })).toBe(false);
    expect(draftWasFine({ rating: null, outcome: 'sent-as-is', keptRatio: null })).toBe(true);
    expect(draftWasFine({ rating: null, outcome: 'discarded', keptRatio: null })).toBe(false);
    expect(draftWasFine({ rating: null, outcome: 'sent-edited', keptRatio: 0.2 })).toBe(false);
    expect(draftWasFine({ rating: null, outcome: 'sent-edited', keptRatio: 0.9 })).toBe(true);
    expect(draftWasFine({ rating: null, outcome: null, keptRatio: null })).toBeUndefined();
  });
});

describe('workspace review threshold', () => {
  it('is the default until the workspace has enough rated drafts, counting them', async () => {
    await rate('acme', 0, MIN_RATED_DRAFTS - 1);
    // A scored draft nobody rated counts for nothing.
    await store.draftScores.record('acme', 'dr-unrated', 0.9, 'model-a');
    const status = await refitReviewThreshold(ctx(), 'acme');
    expect(status).toMatchObject({ source: 'default', threshold: 0.6, ratedDrafts: MIN_RATED_DRAFTS - 1, goodFlagged: null });
    expect(await reviewThresholdStatus(ctx(), 'acme')).toMatchObject({ source: 'default', ratedDrafts: MIN_RATED_DRAFTS - 1 });
  });

  it('is chosen from the workspace’s own verdicts once it has enough, with the same targets', async () => {
    await rate('acme', MIN_RATED_DRAFTS - 1, 11);
    const status = await refitReviewThreshold(ctx(), 'acme');
    expect(status.source).toBe('workspace');
    expect(status.ratedDrafts).toBe(MIN_RATED_DRAFTS + 10);
    // Between the two groups: well below the default this workspace's scores would be flagged by.
    expect(status.threshold).toBeGreaterThan(0.2);
    expect(status.threshold).toBeLessThan(0.4);
    expect(status).toMatchObject({ goodFlagged: 0, badFlagged: 1, meetsTargets: true, defaultThreshold: 0.6 });
    expect(status.updatedAt).not.toBeNull();
    expect((await readReviewThreshold(ctx(), 'acme')).threshold).toBe(status.threshold);
    // Another workspace keeps the default.
    expect(await readReviewThreshold(ctx(), 'globex')).toMatchObject({ source: 'default', threshold: 0.6 });
  });

  it('falls back to the default once the confidence model changes, and ignores the old model’s scores', async () => {
    const refitted = { ...ctx(), modelVersion: 'model-b' };
    expect(await readReviewThreshold(refitted, 'acme')).toMatchObject({ source: 'default', threshold: 0.6 });
    expect(await refitReviewThreshold(refitted, 'acme')).toMatchObject({ source: 'default', ratedDrafts: 0 });
  });

  it('needs verdicts of both kinds: a workspace that liked every draft keeps the default', async () => {
    for (let i = 0; i < MIN_RATED_DRAFTS + 5; i++) {
      await store.draftScores.record('globex', `dr-${i}`, 0.5 + (i % 5) * 0.1, 'model-a');
      await store.feedback.record({ tenantId: 'globex', draftId: `dr-${i}`, tokenId: 'tok', rating: 'helpful' });
    }
    expect(await refitReviewThreshold(ctx(), 'globex')).toMatchObject({ source: 'default', ratedDrafts: MIN_RATED_DRAFTS + 5 });
  });
});
