// knowledge.sync and knowledge.embedQuery over real HTTP: a local cache built page by page from the
// change feed (documents, chunks, int8 vectors, deletions), workspaces kept apart, "reset" for a copy
// from another store or format, and the server's query embedding in the same vector space.
import {
  dequantiseVector,
  KNOWLEDGE_SYNC_FORMAT,
  type KnowledgeSyncAnswer,
  type KnowledgeSyncInput,
  type KnowledgeSyncPage,
  type SyncedDocument,
} from '@tandem/shared';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { generateApiToken, hashApiToken } from '../../security/apiTokens.js';
import { newId } from '../../storage/ids.js';
import { DEFAULT_TENANT_ID } from '../../auth/bootstrapAdmin.js';
import { serverClient, type ServerClient } from '../../cli/serverClient.js';
import { knowledgeSync } from '../../knowledge/sync/knowledgeSync.js';
import { createLogger } from '../../logging/logger.js';
import { openPgliteDatabase } from '../../storage/pglite/pgliteDatabase.js';
import { storeOn } from '../../storage/store.js';
import { generatedArticle } from '../../testing/generatedArticles.js';
import { HashedWordsEmbedder } from '../../testing/hashedWordsEmbedder.js';
import { startTestServer, type TestServer } from '../../testing/testServer.js';
import { cosineSimilarity as cosine } from '@tandem/shared/search';

const embedder = new HashedWordsEmbedder();
let server: TestServer;
let api: ServerClient;

function pageOf(answer: KnowledgeSyncAnswer): KnowledgeSyncPage {
  if (answer.kind !== 'page') throw new Error(`expected a page, got a reset (${answer.reason})`);
  return answer;
}

/** Where a copy stands after applying `page`: what the client sends next. */
const after = (page: KnowledgeSyncPage) => ({ cursor: page.cursor, epoch: page.epoch, format: page.format, horizon: page.horizon });

/** What a client's cache holds after applying pages from `from` (0: a fresh copy) until the server has no more. */
async function syncAll(client: ServerClient, from: KnowledgeSyncInput | 0, limit: number) {
  const documents = new Map<string, SyncedDocument>();
  const deleted: string[] = [];
  const pages: KnowledgeSyncPage[] = [];
  let position: KnowledgeSyncInput = from === 0 ? { cursor: 0 } : from;
  let cursor = position.cursor;
  for (;;) {
    const page = pageOf(await client.knowledge.sync.query({ ...position, limit }));
    pages.push(page);
    expect(page.cursor).toBeGreaterThanOrEqual(cursor);
    for (const id of page.deletions) {
      documents.delete(id);
      deleted.push(id);
    }
    for (const doc of page.upserts) documents.set(doc.documentId, doc);
    cursor = page.cursor;
    position = after(page);
    if (!page.hasMore) break;
    if (pages.length > 100) throw new Error('sync does not end');
  }
  return { documents, deleted, pages, cursor, position };
}

async function upsertArticles(articles: { id: string; title: string; body: string }[]) {
  const started = await api.knowledge.articles.upsert.mutate({
    articles: articles.map((a) => ({ ...a, updated_at: '2026-01-01T00:00:00Z' })),
  });
  await server.knowledge.ingest.settled(started.jobId);
  await server.knowledge.filler?.whenIdle();
}

const article = (i: number) => ({ id: `guide-${i}`, title: `Guide ${i}`, body: generatedArticle(i, 3) });

async function agentToken(tenantId: string): Promise<string> {
  const token = generateApiToken();
  await server.store.tokens.insert({ id: newId('tok'), tenantId, name: 'agent', role: 'agent', tokenHash: hashApiToken(token) });
  return token;
}

beforeAll(async () => {
  server = await startTestServer({}, { embedder });
  api = serverClient({ url: server.url, token: server.adminToken });
  await upsertArticles(Array.from({ length: 8 }, (_, i) => article(i)));
});
afterAll(() => server.close());

describe('knowledge.sync', () => {
  it('builds a complete copy from cursor 0 in several pages, with every chunk and its vector', async () => {
    const agent = serverClient({ url: server.url, token: await agentToken(DEFAULT_TENANT_ID) });
    const { documents, deleted, pages, cursor } = await syncAll(agent, 0, 3);
    expect(pages.length).toBeGreaterThan(2);
    expect(deleted).toEqual([]);
    const last = pages.at(-1);
    expect(last).toMatchObject({ hasMore: false, embedder: embedder.id });
    expect(cursor).toBe(last?.latestCursor);
    expect(cursor).toBe(await server.store.knowledge.latestChangeSeq(DEFAULT_TENANT_ID));

    const stored = await server.store.knowledge.listDocuments(DEFAULT_TENANT_ID, { limit: 100, offset: 0 });
    expect([...documents.keys()].sort()).toEqual(stored.map((d) => d.id).sort());
    for (const doc of stored) {
      const synced = documents.get(doc.id);
      const chunks = await server.store.knowledge.chunksOf([doc.id]);
      expect(synced).toMatchObject({ title: doc.title, version: doc.version, sourceId: doc.sourceId, tags: doc.tags });
      expect(synced?.chunks.map((c) => [c.chunkId, c.ordinal, c.text, c.sectionPath])).toEqual(
        chunks.map((c) => [c.id, c.ordinal, c.text, c.sectionPath]),
      );
      for (const [i, chunk] of (synced?.chunks ?? []).entries()) {
        const original = chunks[i]?.vector;
        if (chunk.vector === undefined || original === undefined) throw new Error(`chunk ${chunk.chunkId} has no vector`);
        expect(cosine(dequantiseVector(chunk.vector), original)).toBeGreaterThan(0.99);
      }
      if (synced?.titleVector === undefined || doc.titleVector === undefined) throw new Error(`document ${doc.id} has no title vector`);
      expect(cosine(dequantiseVector(synced.titleVector), doc.titleVector)).toBeGreaterThan(0.99);
    }
  });

  it('sends an edit as an upsert at the new version and a removal as a deletion', async () => {
    const { position: before } = await syncAll(api, 0, 500);
    const edited = { id: 'guide-1', title: 'Guide 1, revised', body: 'Returns are now free for ninety days, no questions asked.' };
    await upsertArticles([edited]);
    const removed = await server.store.knowledge.listDocuments(DEFAULT_TENANT_ID, { limit: 100, offset: 0 });
    const doomed = removed.find((d) => d.externalId === 'guide-2');
    await api.knowledge.articles.delete.mutate({ ids: ['guide-2'] });

    const { documents, deleted, pages } = await syncAll(api, before, 500);
    expect(pages).toHaveLength(1);
    expect(deleted).toEqual([doomed?.id]);
    expect([...documents.values()].map((d) => [d.title, d.version])).toEqual([['Guide 1, revised', 2]]);
    const [doc] = documents.values();
    expect(doc?.chunks.map((c) => c.text).join(' ')).toContain('ninety days');
    expect(doc?.chunks.every((c) => c.chunkId.includes(':v2:'))).toBe(true);

    const again = await api.knowledge.sync.query(after(pages[0]!));
    expect(again).toMatchObject({ kind: 'page', cursor: pages[0]?.cursor, upserts: [], deletions: [], hasMore: false });
  });

  it('never shows one workspace another workspace’s changes', async () => {
    const other = serverClient({ url: server.url, token: await server.createTenant('elsewhere', 'Elsewhere', 'agent') });
    expect(await other.knowledge.sync.query({ cursor: 0 })).toEqual({
      kind: 'page',
      epoch: (await server.store.knowledge.feedState('elsewhere')).epoch,
      format: KNOWLEDGE_SYNC_FORMAT,
      horizon: 0,
      cursor: 0,
      upserts: [],
      deletions: [],
      hasMore: false,
      embedder: embedder.id,
      latestCursor: 0,
    });

    const source = await server.store.knowledge.ensureSource('elsewhere', 'upload', 'Uploads');
    await server.store.knowledge.upsertDocument({
      tenantId: 'elsewhere',
      sourceId: source.id,
      externalId: 'own',
      title: 'Our own page',
      contentHash: 'h-own',
      chunks: [{ text: 'Only for the elsewhere workspace.', sectionPath: [] }],
    });
    // Its vectors land in the feed too; let them, so the page below is the settled state.
    server.knowledge.filler?.notify();
    await server.knowledge.filler?.whenIdle();
    const page = pageOf(await other.knowledge.sync.query({ cursor: 0 }));
    expect(page.upserts.map((d) => d.title)).toEqual(['Our own page']);
    expect(page.latestCursor).toBe(page.cursor);
    const mine = await syncAll(api, 0, 500);
    expect([...mine.documents.values()].some((d) => d.title === 'Our own page')).toBe(false);
  });

  it('rejects a negative cursor and an empty page as bad requests', async () => {
    await expect(api.knowledge.sync.query({ cursor: -1 })).rejects.toMatchObject({ data: { tandem: { code: 'BAD_REQUEST' } } });
    await expect(api.knowledge.sync.query({ cursor: 0, limit: 0 })).rejects.toMatchObject({ data: { tandem: { code: 'BAD_REQUEST' } } });
    await expect(api.knowledge.sync.query({ cursor: 0.5 })).rejects.toMatchObject({ data: { tandem: { code: 'BAD_REQUEST' } } });
  });

  it('caps a page by chunks, resumes right after the last change it reflects, and never splits a document', async () => {
    // A store of its own, with no embedder filling vectors in behind: the feed holds exactly what this test wrote.
    const own = await storeOn(await openPgliteDatabase());
    onTestFinished(() => own.close());
    const tenantId = 'capped';
    await own.tenants.create(tenantId, 'Capped');
    const source = await own.knowledge.ensureSource(tenantId, 'upload', 'Uploads');
    const store = async (name: string, chunks: number, hash = name) =>
      (
        await own.knowledge.upsertDocument({
          tenantId,
          sourceId: source.id,
          externalId: name,
          title: name,
          contentHash: hash,
          chunks: Array.from({ length: chunks }, (_, i) => ({ text: `${name} part ${i}`, sectionPath: [] })),
        })
      ).document.id;
    const a = await store('a', 2);
    const b = await store('b', 2);
    const c = await store('c', 1);
    const big = await store('big', 5);
    await store('a', 1, 'a2');

    const sync = knowledgeSync({ repo: own.knowledge, log: createLogger('silent'), maxChunks: 3 });
    const { epoch } = await own.knowledge.feedState(tenantId);
    const read = async (cursor: number) =>
      pageOf(await sync(tenantId, { cursor, limit: 500, ...(cursor === 0 ? {} : { epoch, format: KNOWLEDGE_SYNC_FORMAT }) }));
    const first = await read(0);
    // a (at its newest version: one chunk) and b fill three chunks; c would make four.
    expect(first.upserts.map((d) => [d.documentId, d.chunks.length])).toEqual([
      [a, 1],
      [b, 2],
    ]);
    expect(first.hasMore).toBe(true);
    const changes = await own.knowledge.changesSince(0, 100, tenantId);
    expect(first.cursor).toBe(changes[1]?.seq);

    const second = await read(first.cursor);
    expect(second.upserts.map((d) => d.documentId)).toEqual([c]);
    expect(second.hasMore).toBe(true);
    // Larger than the cap on its own: it still travels, alone.
    const third = await read(second.cursor);
    expect(third.upserts.map((d) => [d.documentId, d.chunks.length])).toEqual([[big, 5]]);
    expect(third.hasMore).toBe(true);
    // a's second version went out on the first page already; its own change brings it once more, which a cache applies harmlessly.
    const fourth = await read(third.cursor);
    expect(fourth.upserts.map((d) => d.documentId)).toEqual([a]);
    expect(fourth).toMatchObject({ hasMore: false, cursor: changes.at(-1)?.seq, latestCursor: changes.at(-1)?.seq });
  });

  it('says there is more when a page read as many changes as it was allowed', async () => {
    const page = pageOf(await api.knowledge.sync.query({ cursor: 0, limit: 1 }));
    expect(page.hasMore).toBe(true);
    expect(page.upserts.length + page.deletions.length).toBe(1);
  });
});

describe('knowledge.sync reset', () => {
  it('tells a copy from another store or format, one without its identity, or one ahead of the feed to start over', async () => {
    const { position } = await syncAll(api, 0, 500);
    const identity = { epoch: position.epoch, format: KNOWLEDGE_SYNC_FORMAT };
    expect(identity.epoch).toBe((await server.store.knowledge.feedState(DEFAULT_TENANT_ID)).epoch);
    const reset = (reason: string) => ({ kind: 'reset', ...identity, reason });

    expect(await api.knowledge.sync.query({ ...position, epoch: 'a-wiped-server' })).toEqual(reset('epoch'));
    expect(await api.knowledge.sync.query({ ...position, format: KNOWLEDGE_SYNC_FORMAT + 1 })).toEqual(reset('format'));
    // A copy made before epochs existed cannot say where it came from.
    expect(await api.knowledge.sync.query({ cursor: position.cursor })).toEqual(reset('epoch'));
    expect(await api.knowledge.sync.query({ cursor: position.cursor, epoch: position.epoch })).toEqual(reset('format'));
    expect(await api.knowledge.sync.query({ ...position, cursor: (await server.store.knowledge.latestChangeSeq()) + 1000 })).toEqual(
      reset('ahead'),
    );
    // An empty copy from elsewhere is told too, and then starts without an identity: never a loop.
    expect(await api.knowledge.sync.query({ cursor: 0, epoch: 'a-wiped-server' })).toEqual(reset('epoch'));
    expect(await api.knowledge.sync.query({ cursor: 0 })).toMatchObject({ kind: 'page', ...identity });
    expect(await api.knowledge.sync.query(position)).toMatchObject({ kind: 'page', ...identity, cursor: position.cursor });
  });
});

describe('knowledge.embedQuery', () => {
  it('returns the server’s query vector, int8, in the synced vectors’ space', async () => {
    const agent = serverClient({ url: server.url, token: await agentToken(DEFAULT_TENANT_ID) });
    const text = 'how long do returns take for the kettle';
    const result = await agent.knowledge.embedQuery.query({ text });
    expect(result.embedder).toBe(embedder.id);
    if (result.vector === null) throw new Error('no vector');
    expect(cosine(dequantiseVector(result.vector), embedder.vectorOf(text))).toBeGreaterThan(0.99);
  });

  it('sends the embedder placeholders instead of personal data', async () => {
    await api.knowledge.embedQuery.query({ text: 'refund to ana.perez@example.com please' });
    expect(embedder.seen).toContain('refund to [EMAIL_1] please');
    expect(embedder.seen.some((t) => t.includes('ana.perez'))).toBe(false);
  });

  it('answers without a vector while the embedder fails, and rejects empty text', async () => {
    embedder.failing = true;
    try {
      expect(await api.knowledge.embedQuery.query({ text: 'a question nobody asked before' })).toEqual({
        embedder: embedder.id,
        vector: null,
      });
    } finally {
      embedder.failing = false;
    }
    await expect(api.knowledge.embedQuery.query({ text: '   ' })).rejects.toMatchObject({ data: { tandem: { code: 'BAD_REQUEST' } } });
  });

  it('answers without a vector when no embedder is configured', async () => {
    const lexical = await startTestServer();
    try {
      const client = serverClient({ url: lexical.url, token: lexical.adminToken });
      expect(await client.knowledge.embedQuery.query({ text: 'where is my order' })).toEqual({ embedder: null, vector: null });
      expect(await client.knowledge.sync.query({ cursor: 0 })).toMatchObject({ embedder: null, hasMore: false });
    } finally {
      await lexical.close();
    }
  });
});
