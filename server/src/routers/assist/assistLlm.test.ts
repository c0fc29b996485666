// The assist flow with an LLM behind the OpenAI-compatible API (a local fake speaking the real
// wire format): cited streamed drafts with tool calls, PII kept from the provider, and every
// kind of provider outage ending in a fallback draft, never a hang.
import type { DraftEvent, TicketContextInput } from '@tandem/shared';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ActionDefinition } from '../../assist/actions/actionDefinition.js';
import { CircuitBreaker } from '../../assist/drafting/circuitBreaker.js';
import { LlmDrafter } from '../../assist/drafting/llmDrafter.js';
import { serverClient, type ServerClient } from '../../cli/serverClient.js';
import { draftEvents } from '../../testing/draftEvents.js';
import { startFakeOpenAi, type FakeOpenAi } from '../../testing/fakeOpenAi.js';
import { startTestServer, type TestServer } from '../../testing/testServer.js';

const lookupOrder: ActionDefinition = {
  name: 'store.lookupOrder',
  title: 'Look up an order',
  description: 'Show the status of an order',
  risk: 'read',
  allowedRoles: ['agent', 'lead', 'admin'],
  argumentsSchema: z.object({ orderId: z.string() }),
  prefill: ({ ticket }) => {
    const order = /#\d+/.exec([ticket.subject, ...ticket.messages.map((m) => m.body)].join(' '))?.[0];
    return order === undefined ? undefined : { orderId: order };
  },
  execute: () => Promise.resolve({ summary: 'ok', output: {} }),
};

let fake: FakeOpenAi;
let server: TestServer;
let api: ServerClient;

const PII = {
  email: 'jonas.berg@example.org',
  phone: '+49 151 23456789',
  card: '4539 1488 0343 6467',
  iban: 'DE89 3704 0044 0532 0130 00',
};

const ticket: TicketContextInput = {
  site: 'api',
  ticketId: 'T-9',
  subject: 'Refund for order #2001',
  requester: { name: 'Jonas Berg', email: PII.email },
  messages: [
    {
      authorRole: 'customer',
      body: `Hello, I returned the lamp. Please refund it to my card ${PII.card} or to IBAN ${PII.iban}. Call me on ${PII.phone} or write to ${PII.email}. When will the refund arrive?`,
    },
  ],
};

async function draft(): Promise<{ events: DraftEvent[]; ms: number }> {
  const started = performance.now();
  const events = await draftEvents(api, ticket);
  return { events, ms: performance.now() - started };
}

const textOf = (events: DraftEvent[]) => {
  let text = '';
  for (const e of events) {
    if (e.type === 'restart') text = '';
    if (e.type === 'token') text += e.text;
  }
  return text;
};

beforeAll(async () => {
  fake = await startFakeOpenAi();
  const llm = new LlmDrafter({
    baseUrl: fake.baseUrl,
    apiKey: 'sk-test',
    model: 'fake-model',
    firstTokenTimeoutMs: 600,
    idleTimeoutMs: 400,
    maxRetries: 1,
    retryDelayMs: 10,
    // A fresh breaker per test would hide nothing here: the outage tests expect the fallback either way.
    breaker: new CircuitBreaker({ failureThreshold: 100 }),
  });
  server = await startTestServer(
    {},
    { assist: { llm, actions: { list: () => [lookupOrder], get: (n) => (n === lookupOrder.name ? lookupOrder : undefined) } } },
  );
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
beforeEach(() => fake.reset());
afterAll(async () => {
  await server.close();
  await fake.close();
});

describe('assist.draft with an LLM', () => {
  it('streams the model’s tokens with valid citations only, its tool calls as suggestions, and usage', async () => {
    fake.script({
      tokens: ['Hi ', '[NAME_1', '], refunds reach your card within 5 business days ', '[1', ']', ' as our policy says', ' [7]', '.'],
      toolCalls: [{ name: 'store__lookupOrder', arguments: { orderId: '#9999' } }],
      usage: { promptTokens: 120, completionTokens: 30 },
    });
    const { events } = await draft();
    const text = textOf(events);
    expect(text).toBe('Hi Jonas Berg, refunds reach your card within 5 business days [1] as our policy says .');
    const actions = events.find((e) => e.type === 'actions');
    // The model's call raised the suggestion; its arguments came from the ticket, not the model.
    expect(actions?.type === 'actions' && actions.actions[0]).toMatchObject({
      action: 'store.lookupOrder',
      arguments: { orderId: '#2001' },
    });
    const done = events.at(-1);
    expect(done).toMatchObject({
      type: 'done',
      drafter: 'llm',
      citations: [1],
      usage: { promptTokens: 120, completionTokens: 30, model: 'fake-model' },
    });
    const body = fake.requests[0]?.body as { tools?: { function: { name: string } }[] };
    expect(body.tools?.map((t) => t.function.name)).toEqual(['store__lookupOrder']);
  });

  it('never sends the planted email, phone, card or IBAN to the provider', async () => {
    fake.script({ tokens: ['We will write to ', '[EMAIL_1]', ' today.'] });
    const { events } = await draft();
    expect(fake.requests.length).toBeGreaterThan(0);
    for (const request of fake.requests) {
      const sent = request.rawBody.replace(/\s+/g, ' ');
      for (const value of Object.values(PII)) {
        expect(sent).not.toContain(value);
        expect(sent).not.toContain(value.replace(/\s+/g, ''));
      }
      expect(sent).not.toContain('Jonas');
    }
    // The agent sees the real values again.
    expect(textOf(events)).toBe(`We will write to ${PII.email} today.`);
  });

  it.each([
    ['500s', { status: 500 }],
    ['a hang', { hang: true as const }],
    [
      'a stream that stops halfway',
      { tokens: ['Refunds ', 'reach ', 'your ', 'card '], interrupt: { afterEvents: 3, how: 'destroy' as const } },
    ],
    [
      'a stream that goes silent',
      { tokens: ['Refunds ', 'reach ', 'your ', 'card '], interrupt: { afterEvents: 3, how: 'hang' as const } },
    ],
  ])('falls back to the embedded draft on %s, promptly, and the subscription ends', async (_name, step) => {
    fake.script(step);
    const { events, ms } = await draft();
    const done = events.at(-1);
    expect(done).toMatchObject({ type: 'done', drafter: 'embedded' });
    expect(textOf(events)).toContain('Refunds reach your card within 5 business days after we receive the returned item. [1]');
    expect((await api.assist.stats.query()).fallbacks).toBeGreaterThan(0);
    // Detection takes at most the first-token timeout (0.6 s) or the idle timeout (0.4 s), once per try (2 tries),
    // and the fallback must follow within 1 s of it.
    expect(ms).toBeLessThan(2 * 600 + 1000 + 1500);
  });
});
