/**
 * Stack overhead of the assist flow: ticket context → first draft token on the client, with an LLM
 * that answers instantly (a local fake speaking the OpenAI wire format), over real HTTP and tRPC,
 * with the default configuration (USE-lite embedder, the demo knowledge base, PII redaction,
 * language ID, intent, retrieval, the demo store's live state). Budget: p95 < 150 ms. Peers in
 * the same run: the same flow with the embedded drafter, and the fake LLM's own time to first
 * token over plain HTTP (what the provider costs, to subtract).
 */
import type { DraftEvent, TicketContextInput } from '../../shared/src/index.js';
import { serverClient, type ServerClient } from '../../server/src/cli/serverClient.js';
import { loadConfig } from '../../server/src/config/env.js';
import { CircuitBreaker } from '../../server/src/assist/drafting/circuitBreaker.js';
import { LlmDrafter } from '../../server/src/assist/drafting/llmDrafter.js';
import { generateDemoStoreData } from '../../server/src/demoStore/demoStoreData.js';
import { createEmbedder } from '../../server/src/knowledge/embedding/createEmbedder.js';
import { loadDemoKnowledge } from '../../server/src/knowledge/ingest/demoKnowledge.js';
import { startFakeOpenAi } from '../../server/src/testing/fakeOpenAi.js';
import { startTestServer } from '../../server/src/testing/testServer.js';
import { ms, percentile, type BenchRow } from '../report.js';
import { fakeLlmFirstChunkTimes } from '../fakeLlmAlone.js';

const COMMAND = '`npm run bench -- assist`';
const RUNS = 60;
const WARM_UP = 5;

/** Our own sample tickets, written like customers write. */
const QUESTIONS = [
  'Hi, I returned the jacket two weeks ago and still have no refund. When will it arrive?',
  'My parcel says delivered but it is not here. What can I do?',
  'Can I change the delivery address of my order? I moved last week.',
  'I forgot my password and the reset email never arrives.',
  'The heater stopped working after a month, is it under warranty?',
  'I was charged twice for the same order, please fix this.',
];

async function firstToken(api: ServerClient, ticket: TicketContextInput): Promise<number> {
  const started = performance.now();
  const { draftId } = await api.assist.start.mutate({ ticket });
  return new Promise<number>((resolve, reject) => {
    let first: number | undefined;
    const sub = api.assist.draft.subscribe(
      { draftId },
      {
        onData: ({ data }: { data: DraftEvent }) => {
          if (data.type === 'token' && first === undefined) first = performance.now() - started;
          if (data.type === 'done' || data.type === 'error') {
            sub.unsubscribe();
            if (first === undefined) reject(new Error(`draft ended without a token (${data.type})`));
            else resolve(first);
          }
        },
        onError: reject,
      },
    );
  });
}

async function measure(api: ServerClient, tickets: readonly TicketContextInput[]): Promise<number[]> {
  for (let i = 0; i < WARM_UP; i++) await firstToken(api, tickets[i % tickets.length] as TicketContextInput);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(await firstToken(api, tickets[i % tickets.length] as TicketContextInput));
  return times;
}

export async function firstTokenBench(): Promise<BenchRow[]> {
  const fake = await startFakeOpenAi();
  fake.script({ tokens: ['Thanks ', 'for ', 'writing ', '[1]', '.'] });
  const config = loadConfig({});
  const embedder = createEmbedder(config.embedder);
  const llm = new LlmDrafter({
    baseUrl: fake.baseUrl,
    apiKey: 'sk-bench',
    model: 'instant',
    breaker: new CircuitBreaker({ failureThreshold: 1000 }),
  });
  const withLlm = await startTestServer({}, { embedder, assist: { llm } });
  const embeddedOnly = await startTestServer({}, { embedder, assist: { llm: null } });
  try {
    for (const server of [withLlm, embeddedOnly]) {
      await loadDemoKnowledge(server.knowledge, 'default');
      await server.knowledge.indexes.settle();
      await server.knowledge.filler?.whenIdle();
      await server.knowledge.indexes.settle();
    }
    const customers = generateDemoStoreData().customers;
    const tickets: TicketContextInput[] = QUESTIONS.map((question, i) => {
      const customer = customers[i % customers.length];
      return {
        site: 'api',
        ticketId: `B-${i}`,
        subject: question.split(/[.?!]/)[0] ?? question,
        requester: { name: `${customer?.firstName ?? 'Sam'} ${customer?.lastName ?? 'Lee'}`, email: customer?.email },
        messages: [{ authorRole: 'customer', body: `${question} You can call me on +1 415 555 0134.` }],
      };
    });
    const llmTimes = await measure(serverClient({ url: withLlm.url, token: withLlm.adminToken }), tickets);
    const embeddedTimes = await measure(serverClient({ url: embeddedOnly.url, token: embeddedOnly.adminToken }), tickets);

    // The provider's own share: the fake's time to the first content chunk over plain HTTP.
    const direct = await fakeLlmFirstChunkTimes(fake.baseUrl, RUNS);
    return [
      {
        area: 'assist draft',
        metric: `ticket → first token, instant fake LLM, p50 / p95 (${RUNS} drafts)`,
        value: `${ms(percentile(llmTimes, 50))} / ${ms(percentile(llmTimes, 95))}`,
        peer: `embedded drafter ${ms(percentile(embeddedTimes, 50))} / ${ms(percentile(embeddedTimes, 95))}; fake LLM alone over HTTP ${ms(percentile(direct, 50))} / ${ms(percentile(direct, 95))}`,
        command: COMMAND,
      },
    ];
  } finally {
    await withLlm.close();
    await embeddedOnly.close();
    await embedder.close();
    await fake.close();
  }
}
