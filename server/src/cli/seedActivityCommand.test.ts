// `tandem seed-activity` in-process for two days at a small volume, then the analytics summary of
// each day read back over real HTTP from a fresh server on the same data directory: the planned
// conversations, handoffs, ratings and draft outcomes are there, on their own day.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/env.js';
import { createServer } from '../createServer.js';
import { seedInProcess } from './seedActivityCommand.js';
import { dayStarts, planActivity } from './seedActivityPlan.js';
import { serverClient } from './serverClient.js';

const DAY_MS = 86_400_000;

describe('seed-activity', () => {
  it('plans the same activity for the same seed, and a different one for another seed', () => {
    const now = Date.UTC(2026, 5, 10, 12);
    const a = planActivity({ days: 3, seed: 5, conversationsPerDay: 6, now });
    expect(planActivity({ days: 3, seed: 5, conversationsPerDay: 6, now })).toEqual(a);
    expect(planActivity({ days: 3, seed: 6, conversationsPerDay: 6, now })).not.toEqual(a);
    const [first] = dayStarts(3, now);
    expect(a.every((s) => s.at >= (first ?? 0) && s.at < Date.UTC(2026, 5, 10))).toBe(true);
  });

  it('records two past days of conversations, handoffs, ratings and draft outcomes on their days', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'tandem-seed-'));
    const config = loadConfig({ TANDEM_DATA_DIR: dataDir, TANDEM_LOG_LEVEL: 'silent', TANDEM_DEMO_STORE: 'false' });
    const options = { days: 2, seed: 11, conversationsPerDay: 4 };
    const startedAt = Date.now();
    const result = await seedInProcess(config, options, { server: { embedder: null } });
    const plan = planActivity({ ...options, now: startedAt });
    expect(result.conversations).toBe(plan.filter((s) => s.type === 'conversation').length);

    const tandem = await createServer({ ...config, port: 0, host: '127.0.0.1' }, { embedder: null });
    try {
      const url = (await tandem.start()).replace('[::1]', '127.0.0.1');
      const api = serverClient({ url, token: tandem.admin.adminToken ?? '' });
      for (const start of dayStarts(2, startedAt)) {
        const day = plan.filter((s) => s.at >= start && s.at < start + DAY_MS);
        const conversations = day.flatMap((s) => (s.type === 'conversation' ? [s] : []));
        const drafts = day.flatMap((s) => (s.type === 'draft' ? [s] : []));
        const summary = await api.analytics.summary.query({
          period: { from: new Date(start).toISOString(), to: new Date(start + DAY_MS).toISOString() },
        });
        const handoffs = Object.values(summary.escalationsByCause).reduce((a, b) => a + b, 0);
        // Questions the plan meant to be answered may still hand off if the AI is not confident enough.
        expect(handoffs).toBeGreaterThanOrEqual(conversations.filter((c) => c.kind !== 'answered').length);
        expect(handoffs).toBeGreaterThan(0);
        expect({
          conversations: summary.metrics.escalationRate?.denominator,
          ratings: summary.metrics.csat?.denominator,
          drafts: summary.metrics.copilotAdoption?.denominator,
        }).toEqual({
          conversations: conversations.length,
          ratings: conversations.filter((c) => c.close && c.rating !== null).length,
          drafts: drafts.length,
        });
        expect(summary.escalationsByCause['no-answer'] ?? 0).toBeGreaterThanOrEqual(
          conversations.filter((c) => c.kind === 'unanswerable').length,
        );
      }
      // The shop's orders came in through the signed webhook, stamped on the planned days too.
      const orders = await tandem.store.live.eventsSince(tandem.admin.tenantId, 0, 1000);
      expect(orders.length).toBeGreaterThan(0);
      expect(orders.every((o) => o.type === 'order.created' && Date.parse(o.occurredAt) < Math.floor(startedAt / DAY_MS) * DAY_MS)).toBe(
        true,
      );
      // Nothing was stamped today: the seeding clock stayed in the past.
      const today = Math.floor(startedAt / DAY_MS) * DAY_MS;
      const now = await api.analytics.summary.query({
        period: { from: new Date(today).toISOString(), to: new Date(today + DAY_MS).toISOString() },
      });
      expect(now.events).toBe(0);
    } finally {
      await tandem.stop();
    }
  }, 240_000);
});
