/**
 * Server hybrid search latency and throughput at 10k and 100k chunks (budget: p95 < 15 ms and
 * > 300 searches/s at 100k). Articles come from Tandem's own generator. Vectors are synthetic
 * 512-d unit vectors clustered by topic, as real embeddings are (USE-lite would need about two
 * hours to embed 100k chunks on 2 cores): each document draws a topic centre, each chunk is that
 * centre plus noise, each query sits near one stored chunk. Since the large-collection vector
 * search is approximate, its recall@50 against an exact scan is measured on the same index.
 * Peer: Orama's hybrid search on the same chunks and vectors at 10k (inserting 100k 512-d
 * vectors into Orama exceeds the run's budget).
 */
import { create, insertMultiple, search as oramaSearch } from '@orama/orama';
import { ChunkIndex, normalise } from '../../shared/src/search/index.js';
import { generatedArticle } from '../../server/src/testing/generatedArticles.js';
import { chunkDocument } from '../../server/src/knowledge/chunking/chunker.js';
import { parseDocument } from '../../server/src/knowledge/parsing/registry.js';
import { ms, percentile, type BenchRow } from '../report.js';
import { timeLoop } from '../timeLoop.js';

export const DIMS = 512;
/** Chunks per topic cluster: each query has about this many genuinely related chunks. */
const CHUNKS_PER_TOPIC = 100;
/** Recall is measured on the top RECALL_K, the candidates fusion relies on most. */
export const RECALL_K = 10;
const COMMAND = '`npm run bench -- search`';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296 - 0.5;
  };
}

export const TICKETS = [
  'My Borealis lamp does not start, how do I reset it?',
  'I want to return the Cirrus backpack, it is unused',
  'How long is the warranty on the Ember heater?',
  'When will my refund for the Fjord jacket show up?',
  'Can I get express shipping for the Glacier bottle?',
  'How should I clean the Delta headphones?',
  'case 412-3 is still not solved, please help',
  'model C77 reference 1077 billing question',
];

export interface Corpus {
  chunks: { documentId: string; chunkId: string; title: string; sectionPath: string[]; text: string }[];
  documents: Map<string, string>;
}

/** Generated articles, parsed and chunked as ingestion does, until `targetChunks` chunks (the extension bench reuses it). */
export async function corpus(targetChunks: number): Promise<Corpus> {
  const chunks: Corpus['chunks'] = [];
  const documents = new Map<string, string>();
  const encoder = new TextEncoder();
  // Parse and chunk a few distinct shapes once; vary ids and numbers to reach the size.
  for (let i = 0; chunks.length < targetChunks; i++) {
    const parsed = await parseDocument({ bytes: encoder.encode(generatedArticle(i, 8)), fileName: `a${i}.md` });
    const drafts = chunkDocument(parsed, { maxChars: 300, overlapChars: 0 });
    documents.set(`d${i}`, parsed.title ?? `a${i}`);
    for (const d of drafts)
      chunks.push({
        documentId: `d${i}`,
        chunkId: `d${i}:${d.ordinal}`,
        title: parsed.title ?? '',
        sectionPath: d.sectionPath,
        text: d.text,
      });
  }
  return { chunks: chunks.slice(0, targetChunks), documents };
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h;
}

export interface SyntheticVectors {
  /** One per chunk, in corpus order. */
  vectors: Float32Array[];
  titleVectors: Map<string, Float32Array>;
  /** One per ticket in TICKETS, each near a stored chunk. */
  queryVectors: Float32Array[];
  /** More queries than the timed loop cycles through, for recall. */
  recallQueries: Float32Array[];
}

/**
 * The topic-clustered vectors of a corpus of `size` chunks, seeded by the size so every run (and
 * the extension bench, which ranks the same vectors in the browser) gets the same ones.
 */
export function syntheticVectors(size: number, chunks: Corpus['chunks']): SyntheticVectors {
  const random = rng(size);
  const unit = () => normalise(Float32Array.from({ length: DIMS }, random));
  // Centre plus a random unit vector of the given weight: at 0.8, members of a topic have cosine ≈ 0.6.
  const noise = (weight: number, around: Float32Array) => {
    const direction = unit();
    return normalise(around.map((x, j) => x + weight * (direction[j] as number)));
  };
  const topics = Math.max(1, Math.round(size / CHUNKS_PER_TOPIC));
  const centres = Array.from({ length: topics }, unit);
  const topicOf = (documentId: string) => centres[Math.abs(hash(documentId)) % topics] as Float32Array;
  const vectors = chunks.map((c) => noise(0.8, topicOf(c.documentId)));
  const titleVectors = new Map<string, Float32Array>();
  for (const c of chunks) if (!titleVectors.has(c.documentId)) titleVectors.set(c.documentId, noise(0.8, topicOf(c.documentId)));
  const queryVectors = TICKETS.map((_, q) => noise(0.5, vectors[(q * 7919) % vectors.length] as Float32Array));
  const recallQueries = Array.from({ length: 40 }, (_, q) => noise(0.5, vectors[(q * 2477) % vectors.length] as Float32Array));
  return { vectors, titleVectors, queryVectors, recallQueries };
}

/** Share of each query's RECALL_K exact nearest chunks among the index's RECALL_K vector results. */
function recallAgainstExact(
  index: ChunkIndex,
  chunkIds: readonly string[],
  vectors: readonly Float32Array[],
  queries: readonly Float32Array[],
): number {
  let found = 0;
  for (const query of queries) {
    const exact = vectors
      .map((v, slot) => {
        let s = 0;
        for (let j = 0; j < DIMS; j++) s += (v[j] as number) * (query[j] as number);
        return [slot, s] as const;
      })
      .sort((a, b) => b[1] - a[1])
      .slice(0, RECALL_K);
    const truth = new Set(exact.map(([i]) => chunkIds[i]));
    found += index.nearestChunks(query, RECALL_K).filter((id) => truth.has(id)).length;
  }
  return found / (queries.length * RECALL_K);
}

function timeQueries(run: (q: number) => void, iterations: number): { p50: number; p95: number; perSecond: number } {
  const { times, wallMs } = timeLoop(run, 20, iterations);
  return { p50: percentile(times, 50), p95: percentile(times, 95), perSecond: iterations / (wallMs / 1000) };
}

export async function searchLatencyBench(sizes: readonly number[] = [10_000, 100_000]): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const size of sizes) {
    const { chunks, documents } = await corpus(size);
    const index = new ChunkIndex();
    const byDocument = new Map<string, Corpus['chunks']>();
    for (const c of chunks) byDocument.set(c.documentId, [...(byDocument.get(c.documentId) ?? []), c]);
    const { vectors, titleVectors, queryVectors, recallQueries } = syntheticVectors(size, chunks);
    for (const [documentId, list] of byDocument) {
      index.upsertDocument({ documentId, sourceId: 'bench', title: documents.get(documentId) ?? '', tags: [] }, list);
      index.setTitleVector(documentId, titleVectors.get(documentId) as Float32Array);
    }
    chunks.forEach((c, i) => index.setChunkVector(c.chunkId, vectors[i] as Float32Array));
    const vectorRecall = recallAgainstExact(
      index,
      chunks.map((c) => c.chunkId),
      vectors,
      recallQueries,
    );
    const tandem = timeQueries(
      (q) => index.search({ text: TICKETS[q % TICKETS.length] as string, vector: queryVectors[q % TICKETS.length], k: 5 }),
      400,
    );
    const lexical = timeQueries((q) => index.search({ text: TICKETS[q % TICKETS.length] as string, k: 5 }), 400);
    let peer = `lexical-only Tandem p95 ${ms(lexical.p95)}`;
    if (size <= 10_000) {
      const db = create({ schema: { text: 'string', title: 'string', embedding: `vector[${DIMS}]` } as const });
      await insertMultiple(
        db,
        chunks.map((c, i) => ({ id: c.chunkId, text: c.text, title: c.title, embedding: Array.from(vectors[i] as Float32Array) })),
        1000,
      );
      const orama = timeQueries((q) => {
        void oramaSearch(db, {
          mode: 'hybrid',
          term: TICKETS[q % TICKETS.length] as string,
          vector: { value: Array.from(queryVectors[q % TICKETS.length] as Float32Array), property: 'embedding' },
          similarity: 0,
          limit: 5,
        });
      }, 100);
      peer = `Orama hybrid p50 ${ms(orama.p50)} / p95 ${ms(orama.p95)}; ${peer}`;
    }
    const label = `${size / 1000}k chunks`;
    rows.push({
      area: 'knowledge search',
      metric: `vector recall@${RECALL_K} against an exact scan, ${label}`,
      value: vectorRecall.toFixed(3),
      peer: 'exact scan 1.000 (by definition)',
      command: COMMAND,
    });
    rows.push({
      area: 'knowledge search',
      metric: `hybrid search p50 / p95, ${label}`,
      value: `${ms(tandem.p50)} / ${ms(tandem.p95)}`,
      peer,
      command: COMMAND,
    });
    rows.push({
      area: 'knowledge search',
      metric: `hybrid searches per second (1 core), ${label}`,
      value: `${Math.round(tandem.perSecond)}/s`,
      peer: `lexical-only ${Math.round(lexical.perSecond)}/s`,
      command: COMMAND,
    });
  }
  return rows;
}
