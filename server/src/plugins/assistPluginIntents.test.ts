// Intent from the first draft after start (issue 14): the assist capability classifies with the
// built-in examples' words at once, while the fused classifier is still being fitted, so a draft
// started right after the server carries an intent; none used to until the examples were embedded.
import type { DraftEvent, TicketContextInput } from '@tandem/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { serverClient } from '../cli/serverClient.js';
import type { Embedder } from '../knowledge/embedding/embedder.js';
import { draftEvents } from '../testing/draftEvents.js';
import { HashedWordsEmbedder } from '../testing/hashedWordsEmbedder.js';
import { startTestServer, type TestServer } from '../testing/testServer.js';

/** Embeds a query at once but holds every batch of several texts (the intent examples) until released. */
class BatchHoldingEmbedder implements Embedder {
  readonly id = 'test:batch-holding';
  readonly batchSize = 64;
  readonly dimensions = 64;
  heldBatches = 0;
  readonly #inner = new HashedWordsEmbedder(64);
  readonly #waiting: (() => void)[] = [];

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    if (texts.length > 1) {
      this.heldBatches++;
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    }
    return this.#inner.embed(texts);
  }

  release(): void {
    for (const resolve of this.#waiting.splice(0)) resolve();
  }

  close(): Promise<void> {
    this.release();
    return Promise.resolve();
  }
}

const ticket: TicketContextInput = {
  site: 'api',
  ticketId: 'I-1',
  subject: 'Parcel',
  requester: { name: 'Ana Pérez', email: 'ana.perez@example.com' },
  messages: [{ authorRole: 'customer', body: 'Where is my order? It has not arrived yet and the tracking shows nothing.' }],
};

const intentOf = (events: readonly DraftEvent[]) => {
  const analysis = events.find((e) => e.type === 'analysis');
  return analysis?.type === 'analysis' ? analysis.analysis.intent : undefined;
};

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('intent at start', () => {
  it('gives the first draft after start an intent while the examples are still being embedded', async () => {
    const embedder = new BatchHoldingEmbedder();
    server = await startTestServer({}, { embedder, assist: { llm: null } });
    const api = serverClient({ url: server.url, token: server.adminToken });
    const events = await draftEvents(api, ticket);
    expect(embedder.heldBatches).toBeGreaterThan(0);
    expect(intentOf(events)).toMatchObject({ label: 'order_status' });
    embedder.release();
  }, 90_000);

  it('gives drafts an intent on a server without an embedder', async () => {
    server = await startTestServer({}, { embedder: null, assist: { llm: null } });
    const api = serverClient({ url: server.url, token: server.adminToken });
    expect(intentOf(await draftEvents(api, ticket))).toMatchObject({ label: 'order_status' });
  }, 90_000);
});
