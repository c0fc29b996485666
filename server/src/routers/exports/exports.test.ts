// exports.* over real HTTP: a lead downloads a series as CSV and the ROI summary as CSV and as a
// PDF (base64) carrying the workspace's figures; an agent is refused; a bad format is a typed error.
import type { AnalyticsEventInput } from '@tandem/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverClient, type ServerClient } from '../../cli/serverClient.js';
import { startTestServer, type TestServer } from '../../testing/testServer.js';

let server: TestServer;
let lead: ServerClient;
let agent: ServerClient;
const period = { from: '2026-04-01T00:00:00.000Z', to: '2026-04-03T00:00:00.000Z' };
const ev = (key: string, occurredAt: string, data: AnalyticsEventInput['data']): AnalyticsEventInput => ({
  workspaceId: 'acme',
  channel: 'widget',
  agentId: null,
  customerId: 'vis_1',
  conversationId: `c_${key.slice(0, 2)}`,
  occurredAt,
  dedupeKey: key,
  data,
});

beforeAll(async () => {
  server = await startTestServer({ TANDEM_DEMO_STORE: 'false' });
  lead = serverClient({ url: server.url, token: await server.createTenant('acme', 'Acme', 'lead') });
  agent = serverClient({ url: server.url, token: await server.createTenant('acme-agents', 'Acme agents', 'agent') });
  await server.store.analytics.appendMany([
    ev('c1s', '2026-04-01T09:00:00.000Z', { kind: 'conversation.started' }),
    ev('c1r', '2026-04-01T09:01:00.000Z', { kind: 'rating', score: 4 }),
    ev('c2r', '2026-04-02T10:00:00.000Z', { kind: 'rating', score: 2 }),
  ]);
});
afterAll(() => server.close());

describe('exports router', () => {
  it('downloads a series as CSV', async () => {
    const file = await lead.exports.seriesCsv.query({ period, bucket: 'day', metrics: ['csat'] });
    expect(file).toMatchObject({ filename: 'tandem-series-day-20260401T0000-20260403T0000.csv', encoding: 'utf8' });
    expect(file.body).toBe('bucket_start,csat\r\n2026-04-01T00:00:00.000Z,1\r\n2026-04-02T00:00:00.000Z,0\r\n');
  });

  it('downloads the ROI summary as CSV and as a PDF with the same figures', async () => {
    const csv = await lead.exports.roi.query({ period, format: 'csv' });
    expect(csv.body).toContain('CSAT (satisfied ratings),50,%,csat,');
    const pdf = await lead.exports.roi.query({ period, format: 'pdf' });
    expect(pdf).toMatchObject({ contentType: 'application/pdf', encoding: 'base64' });
    const raw = Buffer.from(pdf.body, 'base64').toString('latin1');
    expect(raw.startsWith('%PDF-1.4')).toBe(true);
    expect(raw).toContain('(CSAT \\(satisfied ratings\\): 50 %) Tj');
  });

  it('downloads conversation-level records with PII redacted', async () => {
    await server.store.analytics.appendMany([
      { ...ev('c3s', '2026-04-02T11:00:00.000Z', { kind: 'conversation.started' }), customerId: 'call me on +44 20 7946 0958' },
      {
        ...ev('c3h', '2026-04-02T11:01:00.000Z', { kind: 'handoff', cause: 'no-answer', by: 'ai' }),
        customerId: 'call me on +44 20 7946 0958',
      },
    ]);
    const file = await lead.exports.conversationsCsv.query({ period });
    const [header, ...rows] = file.body.trimEnd().split('\r\n');
    expect(header).toBe(
      'conversation_id,channel,customer_id,agent_id,first_event_at,first_responder,first_response_wait_ms,ai_answers,fallbacks,handoff_cause,handoff_by,human_replies,rating,resolved_by,handle_ms,reopened',
    );
    expect(rows).toHaveLength(3);
    expect(rows.find((r) => r.startsWith('c_c1,'))).toBe('c_c1,widget,vis_1,,2026-04-01T09:00:00.000Z,,,0,0,,,0,4,,,false');
    const c3 = rows.find((r) => r.startsWith('c_c3,')) ?? '';
    expect(c3).toContain(',no-answer,ai,');
    expect(file.body).not.toContain('7946');
  });

  it('refuses agents and unknown formats', async () => {
    await expect(agent.exports.roi.query({ period, format: 'csv' })).rejects.toMatchObject({ data: { code: 'FORBIDDEN' } });
    await expect(lead.exports.roi.query({ period, format: 'docx' as 'csv' })).rejects.toMatchObject({ data: { code: 'BAD_REQUEST' } });
  });
});
