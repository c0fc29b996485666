// unanswered.list over real HTTP and PGlite: widget conversations where the AI fell back, handed off
// for lack of an answer or answered weakly come back as clusters of the visitor's questions with
// counts, reasons and redacted examples; a visitor asking for a person and a confident answer do
// not count; each workspace sees only its own; agents are refused; a bad period is a typed error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverClient, type ServerClient } from '../../cli/serverClient.js';
import { startTestServer, type TestServer } from '../../testing/testServer.js';

let server: TestServer;
let lead: ServerClient;
let agent: ServerClient;
let otherLead: ServerClient;

type NewMessage = Parameters<TestServer['store']['widget']['conversations']['append']>[0]['message'];
type Change = Parameters<TestServer['store']['widget']['conversations']['append']>[0]['change'];

async function site(tenantId: string, id: string, siteKey: string): Promise<void> {
  await server.store.widget.sites.create({
    id,
    tenantId,
    siteKey,
    name: `${id} site`,
    allowedOrigins: ['https://shop.example'],
    theme: {},
    confidenceThreshold: 0.6,
    suggestedQuestions: [],
    identitySecretSealed: 'sealed',
  });
}

/** One visitor's conversation, its messages appended in order through the widget's repository. */
async function conversation(tenantId: string, siteId: string, visitorId: string, steps: [NewMessage, Change?][]): Promise<void> {
  const { conversation: c } = await server.store.widget.conversations.openOrCreate({
    tenantId,
    siteId,
    visitorId,
    visitorUserId: null,
    visitorName: null,
    channel: 'widget',
  });
  for (const [message, change] of steps) {
    await server.store.widget.conversations.append({ tenantId, conversationId: c.id, message, change: change ?? {} });
  }
}

const ask = (text: string): [NewMessage] => [{ author: 'visitor', kind: 'message', text }];
const handoff = (reason: string): [NewMessage, Change] => [
  { author: 'system', kind: 'handoff', data: { reason } },
  { status: 'waiting-for-human', handoffReason: reason },
];
const answer = (text: string, confidence: number): [NewMessage] => [{ author: 'ai', kind: 'answer', text, confidence }];
const period = () => ({ from: new Date(Date.now() - 3_600_000).toISOString(), to: new Date(Date.now() + 3_600_000).toISOString() });

beforeAll(async () => {
  server = await startTestServer({ TANDEM_DEMO_STORE: 'false' });
  lead = serverClient({ url: server.url, token: await server.createTenant('acme', 'Acme', 'lead') });
  agent = serverClient({ url: server.url, token: await server.createTenant('acme-agents', 'Acme agents', 'agent') });
  otherLead = serverClient({ url: server.url, token: await server.createTenant('globex', 'Globex', 'lead') });
  await site('acme', 'ws_acme', 'pk_unansweredacme000001');
  await site('globex', 'ws_globex', 'pk_unansweredglobex0001');
  await conversation('acme', 'ws_acme', 'vis_1', [ask('Do you ship to Iceland? My number is +44 7700 900123'), handoff('no-answer')]);
  await conversation('acme', 'ws_acme', 'vis_2', [
    ask('Hello'),
    answer('Hi! How can I help?', 0.9),
    ask('Is shipping to Iceland possible?'),
    handoff('low-confidence'),
  ]);
  await conversation('acme', 'ws_acme', 'vis_3', [
    ask('Where is my parcel?'),
    answer('It left on Monday.', 0.92),
    ask('How do I reset my password?'),
    answer('Maybe try the settings page.', 0.3),
  ]);
  await conversation('acme', 'ws_acme', 'vis_4', [ask('Can I talk to a person please?'), handoff('asked-for-human')]);
  await conversation('globex', 'ws_globex', 'vis_g', [ask('Do you sell gift cards?'), handoff('no-answer')]);
});
afterAll(() => server.close());

describe('unanswered router', () => {
  it('clusters the workspace’s unanswered questions with counts, reasons and redacted examples', async () => {
    const report = await lead.unanswered.list.query({ period: period() });
    expect(report.method).toBe('lexical');
    expect(report.total).toBe(3);
    expect(report.clusters.map((c) => c.count)).toEqual([2, 1]);
    const [shipping, password] = report.clusters;
    expect(shipping?.label.split(' ')).toEqual(expect.arrayContaining(['ship', 'iceland']));
    expect(shipping?.reasons).toEqual({ 'no-answer': 1, 'low-confidence': 1 });
    expect(shipping?.examples).toHaveLength(2);
    expect(shipping?.examples.some((e) => e.startsWith('Do you ship to Iceland?'))).toBe(true);
    expect(shipping?.examples.join(' ')).not.toMatch(/7700|900123/);
    expect(password).toMatchObject({ count: 1, reasons: { 'low-confidence': 1 }, examples: ['How do I reset my password?'] });
    const all = JSON.stringify(report);
    expect(all).not.toMatch(/parcel|person|Hello|gift/);
  });

  it('keeps workspaces apart, limits the clusters, and refuses agents and bad periods', async () => {
    const globex = await otherLead.unanswered.list.query({ period: period() });
    expect(globex).toMatchObject({ total: 1, clusters: [{ count: 1, examples: ['Do you sell gift cards?'] }] });
    const limited = await lead.unanswered.list.query({ period: period(), limit: 1 });
    expect(limited).toMatchObject({ total: 3, clusters: [{ count: 2 }] });
    const earlier = { from: '2020-01-01T00:00:00.000Z', to: '2020-01-02T00:00:00.000Z' };
    expect(await lead.unanswered.list.query({ period: earlier })).toEqual({ total: 0, method: 'lexical', clusters: [] });
    await expect(agent.unanswered.list.query({ period: period() })).rejects.toMatchObject({ data: { code: 'FORBIDDEN' } });
    await expect(lead.unanswered.list.query({ period: { from: period().to, to: period().from } })).rejects.toMatchObject({
      data: { code: 'BAD_REQUEST' },
    });
  });
});
