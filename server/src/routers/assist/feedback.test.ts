// assist.feedback and the feedback counts in assist.stats, over real HTTP: reports for one draft
// merge, counts are per workspace, and a report with nothing to say is refused; assist.reviewThreshold
// follows a workspace's verdicts once it has enough of them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateApiToken, hashApiToken } from '../../security/apiTokens.js';
import { newId } from '../../storage/ids.js';
import { DEFAULT_TENANT_ID } from '../../auth/bootstrapAdmin.js';
import { CONFIDENCE_MODEL_VERSION, SHIPPED_REVIEW_THRESHOLD } from '../../assist/confidence/answerConfidence.js';
import { MIN_RATED_DRAFTS } from '../../assist/confidence/workspaceThreshold.js';
import { serverClient, type ServerClient } from '../../cli/serverClient.js';
import { startTestServer, type TestServer } from '../../testing/testServer.js';

let server: TestServer;
let admin: ServerClient;
let agent: ServerClient;

const noFeedback = { helpful: 0, notHelpful: 0, sentAsIs: 0, sentEdited: 0, discarded: 0 };

beforeAll(async () => {
  server = await startTestServer();
  admin = serverClient({ url: server.url, token: server.adminToken });
  const token = generateApiToken();
  await server.store.tokens.insert({
    id: newId('tok'),
    tenantId: DEFAULT_TENANT_ID,
    name: 'Agent',
    role: 'agent',
    tokenHash: hashApiToken(token),
  });
  agent = serverClient({ url: server.url, token });
});
afterAll(() => server.close());

describe('assist.feedback', () => {
  it('merges a rating and a later outcome for one draft, later values replacing earlier ones', async () => {
    expect(await agent.assist.feedback.mutate({ draftId: 'dr-merge', rating: 'helpful' })).toMatchObject({
      draftId: 'dr-merge',
      rating: 'helpful',
      outcome: null,
      keptRatio: null,
    });
    expect(await agent.assist.feedback.mutate({ draftId: 'dr-merge', outcome: 'sent-edited', keptRatio: 0.6 })).toMatchObject({
      rating: 'helpful',
      outcome: 'sent-edited',
      keptRatio: 0.6,
    });
    const last = await agent.assist.feedback.mutate({ draftId: 'dr-merge', rating: 'not-helpful', outcome: 'sent-as-is', keptRatio: 1 });
    expect(last).toMatchObject({ rating: 'not-helpful', outcome: 'sent-as-is', keptRatio: 1 });
    expect(Number.isNaN(Date.parse(last.updatedAt))).toBe(false);
    const stored = await server.store.feedback.get(DEFAULT_TENANT_ID, 'dr-merge');
    expect(stored).toMatchObject({ rating: 'not-helpful', outcome: 'sent-as-is', keptRatio: 1 });
  });

  it('counts ratings and outcomes per workspace in assist.stats, one per draft', async () => {
    const before = await admin.assist.stats.query();
    await agent.assist.feedback.mutate({ draftId: 'dr-a', rating: 'helpful', outcome: 'sent-as-is' });
    await agent.assist.feedback.mutate({ draftId: 'dr-b', rating: 'helpful' });
    await agent.assist.feedback.mutate({ draftId: 'dr-b', outcome: 'sent-edited', keptRatio: 0.4 });
    await agent.assist.feedback.mutate({ draftId: 'dr-c', outcome: 'discarded' });
    await agent.assist.feedback.mutate({ draftId: 'dr-d', rating: 'not-helpful' });
    // A changed mind moves the draft from one count to the other, never into both.
    await agent.assist.feedback.mutate({ draftId: 'dr-d', rating: 'helpful' });
    const after = await admin.assist.stats.query();
    expect({
      helpful: after.helpful - before.helpful,
      notHelpful: after.notHelpful - before.notHelpful,
      sentAsIs: after.sentAsIs - before.sentAsIs,
      sentEdited: after.sentEdited - before.sentEdited,
      discarded: after.discarded - before.discarded,
    }).toEqual({ helpful: 3, notHelpful: 0, sentAsIs: 1, sentEdited: 1, discarded: 1 });
    expect(after).toMatchObject({ started: before.started, flagged: before.flagged, fallbacks: before.fallbacks, errors: before.errors });
    // Agents report feedback; reading the workspace's numbers stays with leads.
    await expect(agent.assist.stats.query()).rejects.toMatchObject({ data: { tandem: { code: 'FORBIDDEN' } } });
  });

  it('keeps each workspace’s feedback to itself, even for the same draft id', async () => {
    const other = serverClient({ url: server.url, token: await server.createTenant('other-team', 'Other team', 'lead') });
    expect(await other.assist.stats.query()).toEqual({ started: 0, flagged: 0, fallbacks: 0, errors: 0, ...noFeedback });
    expect(await other.assist.feedback.mutate({ draftId: 'dr-merge', outcome: 'discarded' })).toMatchObject({
      rating: null,
      outcome: 'discarded',
    });
    expect(await other.assist.stats.query()).toMatchObject({ ...noFeedback, discarded: 1 });
    expect(await server.store.feedback.get(DEFAULT_TENANT_ID, 'dr-merge')).toMatchObject({ rating: 'not-helpful', outcome: 'sent-as-is' });
  });

  it('refuses a report without a rating or an outcome, and values out of range', async () => {
    const bad = { data: { tandem: { code: 'BAD_REQUEST' } } };
    await expect(agent.assist.feedback.mutate({ draftId: 'dr-empty' })).rejects.toMatchObject(bad);
    await expect(agent.assist.feedback.mutate({ draftId: 'dr-empty', keptRatio: 0.5 })).rejects.toMatchObject(bad);
    await expect(agent.assist.feedback.mutate({ draftId: 'dr-empty', outcome: 'sent-edited', keptRatio: 1.5 })).rejects.toMatchObject(bad);
    await expect(agent.assist.feedback.mutate({ draftId: '', rating: 'helpful' })).rejects.toMatchObject(bad);
    expect(await server.store.feedback.get(DEFAULT_TENANT_ID, 'dr-empty')).toBeUndefined();
  });
});

describe('assist.reviewThreshold', () => {
  it('shows leads the shipped default, then the workspace’s own once agents rated enough drafts through assist.feedback', async () => {
    const lead = serverClient({ url: server.url, token: await server.createTenant('rating-team', 'Rating team', 'lead') });
    const before = await lead.assist.reviewThreshold.query();
    expect(before).toMatchObject({
      source: 'default',
      threshold: SHIPPED_REVIEW_THRESHOLD,
      defaultThreshold: SHIPPED_REVIEW_THRESHOLD,
      modelVersion: CONFIDENCE_MODEL_VERSION,
      ratedDrafts: 0,
      minRatedDrafts: MIN_RATED_DRAFTS,
      updatedAt: null,
    });
    // The drafts' scores as the assist engine stores them when each draft is done; the verdicts over HTTP.
    for (let i = 0; i < MIN_RATED_DRAFTS + 10; i++) {
      const fine = i % 4 !== 0;
      await server.store.draftScores.record(
        'rating-team',
        `dr-r${i}`,
        fine ? 0.5 + (i % 5) * 0.1 : 0.1 + (i % 3) * 0.1,
        CONFIDENCE_MODEL_VERSION,
      );
      await lead.assist.feedback.mutate({ draftId: `dr-r${i}`, ...(fine ? { rating: 'helpful' } : { outcome: 'discarded' }) });
    }
    const after = await lead.assist.reviewThreshold.query();
    expect(after).toMatchObject({
      source: 'workspace',
      ratedDrafts: MIN_RATED_DRAFTS + 10,
      goodFlagged: 0,
      badFlagged: 1,
      meetsTargets: true,
    });
    expect(after.threshold).toBeGreaterThan(0.3);
    expect(after.threshold).toBeLessThan(0.5);
    // The default workspace is untouched, and agents do not read the threshold.
    expect(await admin.assist.reviewThreshold.query()).toMatchObject({ source: 'default' });
    await expect(agent.assist.reviewThreshold.query()).rejects.toMatchObject({ data: { tandem: { code: 'FORBIDDEN' } } });
  });
});
