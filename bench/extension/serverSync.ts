/**
 * A first sync of the extension's cache from a real Tandem server: 10k chunks (the search
 * benchmark's corpus and vectors) stored through the server's own repository, then copied by the
 * real syncKnowledge in Chromium over `knowledge.sync` (tRPC over HTTP, bearer token, CORS) into
 * an empty Dexie database; p50 of a few runs, each into a fresh database. Peer, same page and same
 * run: the same pages fetched and parsed without being applied (network, server and JSON only).
 */
import { knowledgeSyncPageSchema } from '../../shared/src/knowledgeSync.js';
import { DEFAULT_TENANT_ID } from '../../server/src/auth/bootstrapAdmin.js';
import { EMBEDDER_META_KEY } from '../../server/src/knowledge/search/vectorFiller.js';
import { chunkIdOf } from '../../server/src/storage/knowledgeRepo.js';
import type { Store } from '../../server/src/storage/store.js';
import { startTestServer } from '../../server/src/testing/testServer.js';
import { percentile, type BenchRow } from '../report.js';
import { corpus, syntheticVectors, type Corpus } from '../knowledge/searchLatency.js';
import type { BenchPage, PageServer } from './benchPage.js';
import { AREA, COMMAND, duration, rate } from './rows.js';

const RUNS = 3;
/** Change-feed entries per page: the server's default, which the extension's client relies on. */
const FEED_LIMIT = 500;
/** Documents whose vectors are saved per transaction while seeding. */
const SEED_BATCH = 50;

/** Stores the corpus as ingestion would leave it: documents, chunks, then vectors announced on the feed. */
export async function seedServerKnowledge(store: Store, size: number): Promise<number> {
  const generated: Corpus = await corpus(size);
  const { vectors, titleVectors } = syntheticVectors(size, generated.chunks);
  const source = await store.knowledge.ensureSource(DEFAULT_TENANT_ID, 'help-center', 'Bench articles');
  await store.knowledge.setMeta(EMBEDDER_META_KEY, 'bench-synthetic-512');
  const byDocument = new Map<string, { text: string; sectionPath: string[]; vector: Float32Array }[]>();
  generated.chunks.forEach((c, i) => {
    const list = byDocument.get(c.documentId) ?? [];
    list.push({ text: c.text, sectionPath: c.sectionPath, vector: vectors[i] as Float32Array });
    byDocument.set(c.documentId, list);
  });
  let chunkVectors: { chunkId: string; vector: Float32Array }[] = [];
  let documentVectors: { documentId: string; version: number; vector: Float32Array }[] = [];
  for (const [externalId, chunks] of byDocument) {
    const { document } = await store.knowledge.upsertDocument({
      tenantId: DEFAULT_TENANT_ID,
      sourceId: source.id,
      externalId,
      title: generated.documents.get(externalId) ?? externalId,
      contentHash: externalId,
      chunks: chunks.map(({ text, sectionPath }) => ({ text, sectionPath })),
    });
    chunks.forEach((c, ordinal) => chunkVectors.push({ chunkId: chunkIdOf(document.id, document.version, ordinal), vector: c.vector }));
    const titleVector = titleVectors.get(externalId);
    if (titleVector !== undefined) documentVectors.push({ documentId: document.id, version: document.version, vector: titleVector });
    if (documentVectors.length >= SEED_BATCH) {
      await store.knowledge.saveVectors(chunkVectors, documentVectors);
      chunkVectors = [];
      documentVectors = [];
    }
  }
  await store.knowledge.saveVectors(chunkVectors, documentVectors);
  return generated.chunks.length;
}

/** The first page as the browser will get it, checked against the wire format and the CORS grant. */
async function checkFeed(syncUrl: string, token: string, origin: string): Promise<void> {
  const input = encodeURIComponent(JSON.stringify({ cursor: 0, limit: FEED_LIMIT }));
  const response = await fetch(`${syncUrl}?input=${input}`, { headers: { authorization: `Bearer ${token}`, origin } });
  if (!response.ok) throw new Error(`knowledge.sync answered HTTP ${response.status}: ${await response.text()}`);
  if (response.headers.get('access-control-allow-origin') !== origin)
    throw new Error(`the server grants no CORS access to ${origin} (TANDEM_CORS_ORIGINS)`);
  const body: unknown = await response.json();
  const data = typeof body === 'object' && body !== null && 'result' in body ? (body.result as { data?: unknown }).data : undefined;
  const page = knowledgeSyncPageSchema.parse(data);
  if (page.upserts.length === 0) throw new Error('knowledge.sync sent an empty first page');
}

export async function serverSyncBench(page: BenchPage, pageServer: PageServer, size = 10_000): Promise<BenchRow[]> {
  const server = await startTestServer({
    // The bench page's origin may call the API, as the extension's origin does. The page pays one
    // CORS preflight per 10 minutes (the server's maxAge); the extension, with host permissions, none.
    TANDEM_CORS_ORIGINS: pageServer.origin,
    TANDEM_DEMO_KNOWLEDGE: 'false',
    TANDEM_DEMO_STORE: 'false',
  });
  try {
    const chunks = await seedServerKnowledge(server.store, size);
    const syncUrl = `${server.url}/trpc/knowledge.sync`;
    await checkFeed(syncUrl, server.adminToken, pageServer.origin);
    const result = await page.serverSync({
      feed: { kind: 'trpc', url: syncUrl, token: server.adminToken, limit: FEED_LIMIT },
      dbNamePrefix: `bench-server-sync-${Date.now()}`,
      runs: RUNS,
    });
    if (result.chunks.some((n) => n !== chunks)) throw new Error(`the cache held ${result.chunks.join(', ')} chunks, the server ${chunks}`);
    const sync = percentile(result.syncMs, 50);
    const fetchOnly = percentile(result.fetchOnlyMs, 50);
    return [
      {
        area: AREA,
        metric: `first sync from a real Tandem server (knowledge.sync over HTTP → IndexedDB), ${size / 1000}k chunks, ${result.pages} pages, p50 of ${RUNS} fresh DBs`,
        value: `${duration(sync)} (${rate(chunks, sync, 'chunks')})`,
        peer: `same pages fetched + parsed, not applied: ${duration(fetchOnly)} (${rate(chunks, fetchOnly, 'chunks')})`,
        command: COMMAND,
      },
    ];
  } finally {
    await server.close();
  }
}
