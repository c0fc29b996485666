// Cost bounds of a draft, through the real server with the demo store's actions and live state:
// a worst-case message (20,000 characters of one letter, long runs of digits, punctuation or
// white space, one giant word) drafts within a small multiple of an ordinary ticket measured in
// the same test. A guard on complexity, not a speed budget (BENCHMARKS.md has the real timings):
// before the fix, one letter repeated took ~100× an ordinary ticket. An over-long message reaches
// the model cut with "[message shortened]", and the agent is told.
import { TICKET_LIMITS, type TicketContextInput } from '@tandem/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CircuitBreaker } from '../../assist/drafting/circuitBreaker.js';
import { LlmDrafter } from '../../assist/drafting/llmDrafter.js';
import { SHORTENED_MARK } from '../../assist/pipeline/shortenTurn.js';
import { serverClient, type ServerClient } from '../../cli/serverClient.js';
import { draftEvents } from '../../testing/draftEvents.js';
import { startFakeOpenAi, type FakeOpenAi } from '../../testing/fakeOpenAi.js';
import { startTestServer, type TestServer } from '../../testing/testServer.js';

const N = TICKET_LIMITS.bodyChars;
/** Generous: worst cases measure 1–2× an ordinary ticket in CPU time; the quadratic steps measured ~100×. */
const MAX_RATIO = 10;

let fake: FakeOpenAi;
let server: TestServer;
let api: ServerClient;

beforeAll(async () => {
  fake = await startFakeOpenAi();
  fake.script({ tokens: ['Thanks for writing. ', 'We are on it [1].'] });
  const llm = new LlmDrafter({ baseUrl: fake.baseUrl, model: 'fake-model', breaker: new CircuitBreaker({ failureThreshold: 1000 }) });
  server = await startTestServer({}, { assist: { llm } });
  api = serverClient({ url: server.url, token: server.adminToken });
  await api.knowledge.articles.upsert.mutate({
    articles: [
      {
        id: 'refunds',
        title: 'When refunds arrive',
        body: 'Refunds reach your card within 5 business days after we receive the returned item.',
        updated_at: '2026-01-01T00:00:00Z',
      },
    ],
  });
  await server.knowledge.indexes.settle();
});
afterAll(async () => {
  await server.close();
  await fake.close();
});

const ticket = (id: string, body: string): TicketContextInput => ({
  site: 'api',
  ticketId: id,
  subject: 'Help with my order',
  requester: { name: 'Ana Lopez', email: 'ana.lopez@example.org' },
  messages: [{ authorRole: 'customer', body }],
});

/**
 * The process's CPU time for one draft (the server runs in this process), in milliseconds. CPU
 * time, not wall time: several engineers' test runs share two cores, and waiting for a core is
 * not work the draft did.
 */
async function draftMs(t: TicketContextInput): Promise<number> {
  const started = process.cpuUsage();
  const events = await draftEvents(api, t);
  expect(events.at(-1)?.type).toBe('done');
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}

/** Median of `runs` drafts: one slow run on a shared machine must not decide the test. */
async function medianMs(t: TicketContextInput, runs: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await draftMs(t));
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)] as number;
}

const ORDINARY =
  'Hi, I returned the jacket (order #1042) two weeks ago and still have no refund. When will it arrive? Call me on +1 415 555 0134.';

const WORST_CASES: [string, string][] = [
  ['one letter repeated', 'a'.repeat(N)],
  ['one capital letter repeated', 'A'.repeat(N)],
  ['a run of digits', '7'.repeat(N)],
  ['digits in groups', '4111 '.repeat(N / 5)],
  ['digits and dashes', '1-'.repeat(N / 2)],
  ['a run of punctuation', '!?.'.repeat(Math.floor(N / 3))],
  ['white space between two words', `a${' \t'.repeat(N / 2 - 1)}b`],
  ['line breaks', `a${'\n'.repeat(N - 2)}b`],
  ['one giant word', 'Supercalifragilistic'.repeat(N / 20)],
  ['address characters without @', 'a.b_c%d+e-'.repeat(N / 10)],
  ['at-signs and dots', 'a@b.'.repeat(N / 4)],
  ['capitalised words', 'Ana '.repeat(N / 4)],
  ['brackets and tags', '[<'.repeat(N / 2)],
];

describe('draft cost bounds', () => {
  it('drafts every worst-case message within a small multiple of an ordinary ticket', { timeout: 120_000 }, async () => {
    await draftMs(ticket('warm-up', ORDINARY));
    const ordinary = await medianMs(ticket('ordinary', ORDINARY), 5);
    const ratios: Record<string, number> = {};
    for (const [name, body] of WORST_CASES) ratios[name] = (await medianMs(ticket(name, body), 3)) / ordinary;
    for (const [name, ratio] of Object.entries(ratios))
      expect(ratio, `${name}: ${ratio.toFixed(1)}× an ordinary ticket`).toBeLessThan(MAX_RATIO);
  });

  it('sends an over-long message to the model cut with a mark, and tells the agent', async () => {
    fake.reset();
    fake.script({ tokens: ['Thanks for writing. ', 'We are on it.'] });
    const events = await draftEvents(
      api,
      ticket('long', `${'I am still waiting for my refund. '.repeat(400)}PS: my card is 4111 1111 1111 1111.`),
    );
    const prompt = fake.requests.map((r) => r.rawBody).join('\n');
    expect(prompt).toContain(SHORTENED_MARK);
    expect(prompt).not.toContain('4111');
    const done = events.at(-1);
    expect(done?.type === 'done' && done.notes).toEqual([
      expect.stringMatching(/^The customer's message was longer than 4,000 characters/),
    ]);
  });
});
