// analytics.* over real HTTP: a lead reads the summary and series of their workspace only, an
// agent is refused, a bad period is a typed input error, and analytics.live pushes an update
// when an event commits.
import type { AnalyticsEventInput, AnalyticsLiveUpdate } from '@tandem/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverClient, type ServerClient } from '../../cli/serverClient.js';
import { startTestServer, type TestServer } from '../../testing/testServer.js';

let server: TestServer;
let lead: ServerClient;
let agent: ServerClient;
let otherLead: ServerClient;
const period = { from: '2026-04-01T00:00:00.000Z', to: '2026-04-02T00:00:00.000Z' };
const ev = (workspaceId: string, key: string, occurredAt: string, data: AnalyticsEventInput['data']): AnalyticsEventInput => ({
  workspaceId,
  channel: 'widget',
  agentId: null,
  customerId: 'vis_1',
  conversationId: `c_${key}`,
  occurredAt,
  dedupeKey: key,
  data,
});

beforeAll(async () => {
  server = await startTestServer({ TANDEM_DEMO_STORE: 'false' });
  lead = serverClient({ url: server.url, token: await server.createTenant('acme', 'Acme', 'lead') });
  agent = serverClient({ url: server.url, token: await server.createTenant('acme-agents', 'Acme agents', 'agent') });
  otherLead = serverClient({ url: server.url, token: await server.createTenant('globex', 'Globex', 'lead') });
  await server.store.analytics.appendMany([
    ev('acme', 's1', '2026-04-01T09:00:00.000Z', { kind: 'conversation.started' }),
    ev('acme', 'f1', '2026-04-01T09:00:03.000Z', { kind: 'response.first', responder: 'ai', waitMs: 3_000 }),
    ev('acme', 'r1', '2026-04-01T09:04:00.000Z', { kind: 'conversation.resolved', by: 'ai', humanReplied: false, handleMs: 240_000 }),
  ]);
});
afterAll(() => server.close());

describe('analytics router', () => {
  it('summarises the caller’s workspace only', async () => {
    const summary = await lead.analytics.summary.query({ period });
    expect(summary.metrics.firstResponseTime).toMatchObject({ value: 3_000, denominator: 1 });
    expect(summary.metrics.resolutionRate).toMatchObject({ value: 1, numerator: 1, denominator: 1 });
    expect(summary.events).toBe(3);
    const other = await otherLead.analytics.summary.query({ period });
    expect(other.events).toBe(0);
    expect(other.metrics.resolutionRate.value).toBeNull();
  });

  it('returns one point per bucket', async () => {
    const series = await lead.analytics.series.query({ period, bucket: 'hour', metrics: ['averageHandleTime'] });
    expect(series.points).toHaveLength(24);
    expect(series.points[9]).toEqual({ at: '2026-04-01T09:00:00.000Z', values: { averageHandleTime: 240_000 } });
  });

  it('refuses agents and a backwards period', async () => {
    await expect(agent.analytics.summary.query({ period })).rejects.toMatchObject({ data: { code: 'FORBIDDEN' } });
    await expect(lead.analytics.summary.query({ period: { from: period.to, to: period.from } })).rejects.toMatchObject({
      data: { code: 'BAD_REQUEST' },
    });
    await expect(
      lead.analytics.series.query({
        period: { from: '2026-01-01T00:00:00.000Z', to: '2026-03-01T00:00:00.000Z' },
        bucket: 'minute',
        metrics: ['csat'],
      }),
    ).rejects.toMatchObject({ data: { code: 'BAD_REQUEST' } });
  });

  it('pushes an update to a live subscriber when an event commits', async () => {
    const update = await new Promise<AnalyticsLiveUpdate>((resolve, reject) => {
      const sub = lead.analytics.live.subscribe(
        { filters: { channel: 'widget' } },
        {
          onStarted: () => {
            void server.store.analytics
              .append(ev('acme', 'rating1', '2026-04-01T09:05:10.000Z', { kind: 'rating', score: 4 }))
              .catch(reject);
          },
          onData: (data) => {
            sub.unsubscribe();
            resolve(data);
          },
          onError: reject,
        },
      );
    });
    expect(update).toMatchObject({ kinds: { rating: 1 }, minutes: ['2026-04-01T09:05:00.000Z'] });
  });
});
