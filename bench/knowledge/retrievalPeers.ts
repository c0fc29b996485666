/**
 * Retrieval quality against peers on the same data in the same run: Tandem's engine, Orama's
 * hybrid search (same chunks, same USE-lite vectors) and a BM25-only baseline (same chunks and
 * analyser), scored by recall@5 on Tandem's labelled bank tickets.
 */
import { create, insertMultiple, search as oramaSearch } from '@orama/orama';
import { analyze, Bm25Index } from '../../shared/src/search/index.js';
import { loadQueries, buildEvalEngine } from '../../server/src/cli/evalRetrieval.js';
import { retrievalReport, type JudgedQuery } from '../../server/src/cli/retrievalMetrics.js';
import { loadConfig } from '../../server/src/config/env.js';
import { createEmbedder } from '../../server/src/knowledge/embedding/createEmbedder.js';
import { ms, percentile, type BenchRow } from '../report.js';
import { BANK_CACHE, BANK_DOCS, bankKbAvailable, DEV_TICKETS } from './bankKb.js';

const COMMAND = '`npm run bench -- retrieval`';

export async function retrievalPeersBench(): Promise<BenchRow[]> {
  if (!bankKbAvailable()) return [];
  const config = loadConfig({ TANDEM_LOG_LEVEL: 'warn' });
  const embedder = createEmbedder(config.embedder);
  const built = await buildEvalEngine(BANK_DOCS, config, embedder, { dataDir: BANK_CACHE });
  const { engine, store, externalIdOf } = built;
  try {
    const queries = (await loadQueries(DEV_TICKETS)).filter((q) => q.relevant.length > 0);
    const docs = await store.knowledge.listDocuments('eval', { limit: 100_000, offset: 0 });
    const chunks = await store.knowledge.chunksOf(docs.map((d) => d.id));
    const titleOf = new Map(docs.map((d) => [d.id, d.title]));

    // Tandem, end to end (language ID, glossary, query embedding, hybrid index).
    const tandem: JudgedQuery[] = [];
    for (const q of queries) {
      const t = performance.now();
      const result = await engine.search('eval', { query: q.ticket, k: 10 });
      tandem.push({
        id: q.id,
        relevant: q.relevant,
        ranked: result.hits.map((h) => externalIdOf(h.documentId)),
        topScore: 0,
        latencyMs: performance.now() - t,
      });
    }

    // The peers get the query vectors precomputed (their latency excludes embedding).
    const queryVectors = await embedder.embed(queries.map((q) => q.ticket));

    const bm25 = new Bm25Index({ k1: 1.2, weights: { title: 0, section: 0, body: 1 }, b: { title: 0, section: 0, body: 0.75 } });
    chunks.forEach((c, slot) => bm25.add(slot, { title: [], section: [], body: analyze(`${titleOf.get(c.documentId) ?? ''}\n${c.text}`) }));
    const bm25Judged: JudgedQuery[] = queries.map((q) => {
      const t = performance.now();
      const ranked: string[] = [];
      for (const [slot] of bm25.search(analyze(q.ticket), 100)) {
        const id = externalIdOf((chunks[slot] as (typeof chunks)[number]).documentId);
        if (!ranked.includes(id)) ranked.push(id);
      }
      return { id: q.id, relevant: q.relevant, ranked: ranked.slice(0, 10), topScore: 0, latencyMs: performance.now() - t };
    });

    const orama = create({ schema: { title: 'string', text: 'string', documentId: 'string', embedding: 'vector[512]' } as const });
    await insertMultiple(
      orama,
      chunks
        .filter((c) => c.vector !== undefined)
        .map((c) => ({
          id: c.id,
          title: titleOf.get(c.documentId) ?? '',
          text: c.text,
          documentId: c.documentId,
          embedding: Array.from(c.vector as Float32Array),
        })),
      500,
    );
    const oramaJudged: JudgedQuery[] = [];
    for (const [i, q] of queries.entries()) {
      const t = performance.now();
      const result = await oramaSearch(orama, {
        mode: 'hybrid',
        term: q.ticket,
        vector: { value: Array.from(queryVectors[i] as Float32Array), property: 'embedding' },
        similarity: 0,
        limit: 60,
      });
      const ranked: string[] = [];
      for (const hit of result.hits) {
        const id = externalIdOf(hit.document.documentId);
        if (!ranked.includes(id)) ranked.push(id);
      }
      oramaJudged.push({ id: q.id, relevant: q.relevant, ranked: ranked.slice(0, 10), topScore: 0, latencyMs: performance.now() - t });
    }

    const summary = (judged: JudgedQuery[]) => {
      const r = retrievalReport(judged);
      const lat = judged.map((j) => j.latencyMs);
      return { recall5: (r.recall['@5'] ?? 0).toFixed(3), p50: percentile(lat, 50), p95: percentile(lat, 95) };
    };
    const t = summary(tandem);
    const o = summary(oramaJudged);
    const b = summary(bm25Judged);
    const n = queries.length;
    return [
      {
        area: 'knowledge retrieval',
        metric: `recall@5, ${n} labelled bank tickets (698 articles)`,
        value: t.recall5,
        peer: `Orama hybrid ${o.recall5}; BM25-only ${b.recall5}`,
        command: COMMAND,
      },
      {
        area: 'knowledge retrieval',
        metric: 'search latency p50 / p95 on that run',
        value: `${ms(t.p50)} / ${ms(t.p95)} (incl. language ID + query embedding)`,
        peer: `Orama ${ms(o.p50)} / ${ms(o.p95)}; BM25-only ${ms(b.p50)} / ${ms(b.p95)} (vectors precomputed)`,
        command: COMMAND,
      },
    ];
  } finally {
    await engine.stop();
    await store.close();
  }
}
