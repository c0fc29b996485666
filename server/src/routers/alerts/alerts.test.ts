// alerts.* over real HTTP: a lead creates, lists, updates and deletes the workspace's rules; an
// agent is refused; a bad threshold is a typed input error; a breach recorded through the event
// stream reaches live.alerts once, and a lead acknowledges it.
import type { AnalyticsEventInput } from '@tandem/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverClient, type ServerClient } from '../../cli/serverClient.js';
import { startTestServer, type TestServer } from '../../testing/testServer.js';

let server: TestServer;
let lead: ServerClient;
let agent: ServerClient;
let otherLead: ServerClient;

beforeAll(async () => {
  server = await startTestServer({ TANDEM_DEMO_STORE: 'false' });
  lead = serverClient({ url: server.url, token: await server.createTenant('acme', 'Acme', 'lead') });
  agent = serverClient({ url: server.url, token: await server.createTenant('acme-agents', 'Acme agents', 'agent') });
  otherLead = serverClient({ url: server.url, token: await server.createTenant('globex', 'Globex', 'lead') });
});
afterAll(() => server.close());

describe('alerts router', () => {
  it('keeps each workspace’s rules to itself and refuses agents and bad thresholds', async () => {
    const rule = await lead.alerts.create.mutate({ kind: 'fallback-spike', name: 'Fallbacks', threshold: 0.2, windowMinutes: 60 });
    expect(rule).toMatchObject({ kind: 'fallback-spike', threshold: 0.2, minSamples: 1, enabled: true, breach: null });
    expect((await lead.alerts.list.query()).map((r) => r.id)).toEqual([rule.id]);
    expect(await otherLead.alerts.list.query()).toEqual([]);
    await expect(otherLead.alerts.delete.mutate({ id: rule.id })).rejects.toMatchObject({ data: { code: 'NOT_FOUND' } });
    await expect(agent.alerts.list.query()).rejects.toMatchObject({ data: { code: 'FORBIDDEN' } });
    await expect(
      lead.alerts.create.mutate({ kind: 'fallback-spike', name: 'Too high', threshold: 3, windowMinutes: 60 }),
    ).rejects.toMatchObject({ data: { code: 'BAD_REQUEST' } });
    const updated = await lead.alerts.update.mutate({
      id: rule.id,
      rule: { kind: 'fallback-spike', name: 'Fallbacks', threshold: 0.3, windowMinutes: 30, enabled: false },
    });
    expect(updated).toMatchObject({ threshold: 0.3, windowMinutes: 30, enabled: false });
    await expect(lead.alerts.acknowledge.mutate({ id: rule.id })).rejects.toMatchObject({ data: { code: 'CONFLICT' } });
    expect(await lead.alerts.delete.mutate({ id: rule.id })).toEqual({ id: rule.id });
    expect(await lead.alerts.list.query()).toEqual([]);
  });

  it('delivers a breach through live.alerts once, and a lead acknowledges it', async () => {
    const rule = await lead.alerts.create.mutate({ kind: 'sla-wait', name: 'Handoff wait', threshold: 2, windowMinutes: 120 });
    const waitingSince = new Date(Date.now() - 5 * 60_000).toISOString();
    const handoff: AnalyticsEventInput = {
      workspaceId: 'acme',
      channel: 'widget',
      agentId: null,
      customerId: 'vis_w1',
      conversationId: 'conv_w1',
      occurredAt: waitingSince,
      dedupeKey: 'conv_w1:handoff',
      data: { kind: 'handoff', cause: 'asked-for-human', by: 'customer' },
    };
    const alert = await new Promise<{ kind: string; title: string; customerKey: string }>((resolve, reject) => {
      const sub = lead.live.alerts.subscribe(
        {},
        {
          onStarted: () => void server.store.analytics.append(handoff).catch(reject),
          onData: ({ data }) => {
            sub.unsubscribe();
            resolve(data);
          },
          onError: reject,
        },
      );
    });
    expect(alert).toMatchObject({ kind: 'analytics:sla-wait', title: 'Handoff wait: breached', customerKey: `rule:${rule.id}` });
    const [listed] = await lead.alerts.list.query();
    expect(listed?.breach).toMatchObject({ number: 1, acknowledgedAt: null });
    const acked = await lead.alerts.acknowledge.mutate({ id: rule.id });
    expect(acked.breach?.acknowledgedAt).toEqual(expect.any(String));
    // Appending the same fact again (a duplicate) or evaluating again fires nothing new.
    await server.store.analytics.append(handoff);
    const stored = await server.store.notifications.since('acme', 0, 100);
    expect(stored.filter((n) => n.customerKey === `rule:${rule.id}`)).toHaveLength(1);
  });
});
