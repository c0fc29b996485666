/**
 * Drafts through a real server for the trust benchmark, set up as the `assist` row measures first
 * token (default embedder, the demo knowledge, an OpenAI-compatible fake that answers at once):
 * ticket → first token for ordinary tickets, and ticket → done for the worst-case messages next to
 * an ordinary ticket, all in the same process and run.
 */
import type { DraftEvent, TicketContextInput } from '../../shared/src/index.js';
import { CircuitBreaker } from '../../server/src/assist/drafting/circuitBreaker.js';
import { LlmDrafter } from '../../server/src/assist/drafting/llmDrafter.js';
import { serverClient, type ServerClient } from '../../server/src/cli/serverClient.js';
import { loadConfig } from '../../server/src/config/env.js';
import { createEmbedder } from '../../server/src/knowledge/embedding/createEmbedder.js';
import { loadDemoKnowledge } from '../../server/src/knowledge/ingest/demoKnowledge.js';
import { startFakeOpenAi } from '../../server/src/testing/fakeOpenAi.js';
import { startTestServer } from '../../server/src/testing/testServer.js';

export interface DraftTiming {
  firstTokenMs: number;
  doneMs: number;
}

async function timedDraft(api: ServerClient, ticket: TicketContextInput): Promise<DraftTiming> {
  const started = performance.now();
  const { draftId } = await api.assist.start.mutate({ ticket });
  return new Promise<DraftTiming>((resolve, reject) => {
    let first: number | undefined;
    const sub = api.assist.draft.subscribe(
      { draftId },
      {
        onData: ({ data }: { data: DraftEvent }) => {
          if (data.type === 'token' && first === undefined) first = performance.now() - started;
          if (data.type === 'done' || data.type === 'error') {
            sub.unsubscribe();
            const doneMs = performance.now() - started;
            if (data.type === 'error') reject(new Error(`draft failed: ${data.error.message}`));
            else resolve({ firstTokenMs: first ?? doneMs, doneMs });
          }
        },
        onError: reject,
      },
    );
  });
}

export interface DraftServer {
  draft(ticket: TicketContextInput): Promise<DraftTiming>;
  close(): Promise<void>;
}

export async function startDraftServer(): Promise<DraftServer> {
  const fake = await startFakeOpenAi();
  fake.script({ tokens: ['Thanks ', 'for ', 'writing ', '[1]', '.'] });
  const embedder = createEmbedder(loadConfig({}).embedder);
  const llm = new LlmDrafter({
    baseUrl: fake.baseUrl,
    apiKey: 'sk-bench',
    model: 'instant',
    breaker: new CircuitBreaker({ failureThreshold: 1000 }),
  });
  const server = await startTestServer({}, { embedder, assist: { llm } });
  await loadDemoKnowledge(server.knowledge, 'default');
  await server.knowledge.indexes.settle();
  await server.knowledge.filler?.whenIdle();
  await server.knowledge.indexes.settle();
  const api = serverClient({ url: server.url, token: server.adminToken });
  return {
    draft: (ticket) => timedDraft(api, ticket),
    async close() {
      await server.close();
      await embedder.close();
      await fake.close();
    },
  };
}

/** `runs` drafts of each ticket in turn after `warmUp` unmeasured ones. */
export async function draftTimings(
  server: DraftServer,
  tickets: readonly TicketContextInput[],
  runs: number,
  warmUp = 5,
): Promise<DraftTiming[]> {
  for (let i = 0; i < warmUp; i++) await server.draft(tickets[i % tickets.length] as TicketContextInput);
  const timings: DraftTiming[] = [];
  for (let i = 0; i < runs; i++) timings.push(await server.draft(tickets[i % tickets.length] as TicketContextInput));
  return timings;
}
