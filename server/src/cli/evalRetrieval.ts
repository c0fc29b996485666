/**
 * `tandem eval retrieval` over a folder of documents and a JSONL file of `{id, ticket, relevant}`
 * queries (the legacy dev set's format): ingests the folder into a private, throwaway knowledge
 * base (the same engine the server runs), asks each query, and reports hit rate and recall at
 * 1/3/5/10, MRR, nDCG@10, search latency and the top-score distribution of unanswerable queries.
 * With `--tasks`, it also scores tau2-bench style tasks (scenario text as the query,
 * `required_documents` as the relevant set). Tandem's own labelled ticket set, with its splits
 * and knowledge bases, is evaluated by evalTicketSet.ts on the engines built here.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { ServerConfig } from '../config/env.js';
import type { Embedder } from '../knowledge/embedding/embedder.js';
import { createKnowledgeEngine, type KnowledgeEngine } from '../knowledge/knowledgeEngine.js';
import { createLogger } from '../logging/logger.js';
import { openPgliteDatabase } from '../storage/pglite/pgliteDatabase.js';
import { storeOn, type Store } from '../storage/store.js';
import { progressBar } from './progressBar.js';
import { readLocalFiles, type LocalFile } from '../knowledge/ingest/readLocalFiles.js';
import { retrievalReport, type JudgedQuery, type RetrievalReport } from './retrievalMetrics.js';

const queryLineSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  ticket: z.string().min(1),
  relevant: z.array(z.string()),
});
const taskSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  user_scenario: z.object({ instructions: z.union([z.string(), z.record(z.string(), z.unknown())]) }),
  required_documents: z.array(z.string()).default([]),
});

export interface EvalRetrievalOptions {
  docs: string;
  queries: string;
  tasks?: string | undefined;
  k: number;
  vectors: boolean;
  dataDir?: string | undefined;
}

export interface EvalRetrievalResult {
  documents: number;
  chunks: number;
  ingestSeconds: number;
  embedSeconds: number | null;
  embedder: string | null;
  queries: RetrievalReport;
  tasks: RetrievalReport | null;
}

export const EVAL_TENANT = 'eval';
const TENANT = EVAL_TENANT;

export async function loadQueries(file: string) {
  const lines = (await readFile(file, 'utf8')).split('\n').filter((l) => l.trim().length > 0);
  return lines.map((line, i) => {
    const parsed = queryLineSchema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${file}:${i + 1}: expected {"id", "ticket", "relevant": [...]}`);
    return parsed.data;
  });
}

export async function loadTasks(file: string) {
  const tasks = z.array(taskSchema).parse(JSON.parse(await readFile(file, 'utf8')));
  return tasks.map((t) => ({
    id: t.id,
    ticket:
      typeof t.user_scenario.instructions === 'string'
        ? t.user_scenario.instructions
        : Object.values(t.user_scenario.instructions).join('\n'),
    relevant: t.required_documents,
  }));
}

/** Documents to ingest under one source: a folder's files, or files made at load time (the retail policy's sections). */
export interface EvalSource {
  location: string;
  files: LocalFile[];
}

export interface EvalEngine {
  engine: KnowledgeEngine;
  store: Store;
  externalIdOf: (documentId: string) => string;
  ingestSeconds: number;
  embedSeconds: number | null;
}

/**
 * Builds an engine over a folder of documents (or given files); returns it with a map from
 * document id to external id. With a `dataDir` the store and its vectors persist between runs.
 */
export async function buildEvalEngine(
  docs: string | EvalSource,
  config: ServerConfig,
  embedder: Embedder | undefined,
  options: { dataDir?: string | undefined; quiet?: boolean } = {},
): Promise<EvalEngine> {
  const store = await storeOn(await openPgliteDatabase(options.dataDir));
  if ((await store.tenants.get(TENANT)) === undefined) await store.tenants.create(TENANT, 'Retrieval evaluation');
  // The caller owns the embedder (one is shared by the engines of several knowledge bases):
  // stopping this engine must not close it.
  const borrowed = embedder === undefined ? undefined : keptOpen(embedder);
  const engine = await createKnowledgeEngine({ store, log: createLogger('warn'), config, embedder: borrowed, pollMs: 60_000 });
  engine.start();
  const source = typeof docs === 'string' ? { location: path.resolve(docs), files: await readLocalFiles(docs) } : docs;
  const bar = options.quiet === true ? undefined : progressBar('ingest');
  const started = performance.now();
  const { jobId } = await engine.ingest.submit(
    TENANT,
    // One source whatever the path is spelled like, mirroring the folder (files gone are removed).
    { kind: 'folder', name: 'Evaluation documents', location: source.location },
    source.files.map((f) => ({ kind: 'file', ...f })),
    { deleteUnseen: true },
  );
  const unsubscribe = engine.ingest.onProgress(jobId, (p) =>
    bar?.update(p.documentsDone + p.documentsFailed, p.documentsTotal, `${(p.bytesDone / 1e6).toFixed(1)} MB`),
  );
  await engine.ingest.settled(jobId);
  unsubscribe();
  await engine.indexes.forTenant(TENANT);
  await engine.indexes.settle();
  const ingestSeconds = (performance.now() - started) / 1000;
  const report = await engine.ingest.progress(TENANT, jobId);
  bar?.finish(`${report?.documentsDone ?? 0} stored, ${report?.documentsFailed ?? 0} failed in ${ingestSeconds.toFixed(1)} s`);
  for (const e of report?.errors ?? []) process.stderr.write(`  ${e.item}: ${e.code} ${e.message}\n`);

  let embedSeconds: number | null = null;
  if (engine.filler !== undefined) {
    const embedStarted = performance.now();
    const embedBar = options.quiet === true ? undefined : progressBar('embed');
    const timer = setInterval(() => {
      void store.knowledge.countDocuments(TENANT).then((c) => embedBar?.update(c.embedded, c.chunks, 'chunks'));
    }, 1000);
    await engine.filler.whenIdle();
    clearInterval(timer);
    await engine.indexes.settle();
    embedSeconds = (performance.now() - embedStarted) / 1000;
    embedBar?.finish(`vectors ready in ${embedSeconds.toFixed(1)} s`);
  }
  const stored = await store.knowledge.listDocuments(TENANT, { limit: 1_000_000, offset: 0 });
  const external = new Map(stored.map((d) => [d.id, d.externalId]));
  return { engine, store, externalIdOf: (id) => external.get(id) ?? id, ingestSeconds, embedSeconds };
}

/** The embedder with a `close` that does nothing: the engine built over it closes it when it stops. */
function keptOpen(embedder: Embedder): Embedder {
  return {
    id: embedder.id,
    get dimensions() {
      return embedder.dimensions;
    },
    batchSize: embedder.batchSize,
    embed: (texts) => embedder.embed(texts),
    close: () => Promise.resolve(),
  };
}

/** One search as the product runs it (the query cut at 4,000 characters), timed, with external document ids. */
export async function searchRanking(built: Pick<EvalEngine, 'engine' | 'externalIdOf'>, text: string, k: number) {
  const started = performance.now();
  const result = await built.engine.search(TENANT, { query: text.slice(0, 4000), k: Math.max(k, 10) });
  return {
    ranked: result.hits.map((h) => built.externalIdOf(h.documentId)),
    topScore: result.hits[0]?.score ?? 0,
    latencyMs: performance.now() - started,
  };
}

async function judge(built: EvalEngine, queries: { id: string; ticket: string; relevant: string[] }[], k: number) {
  const judged: JudgedQuery[] = [];
  for (const q of queries) judged.push({ id: q.id, relevant: q.relevant, ...(await searchRanking(built, q.ticket, k)) });
  return judged;
}

export async function evalRetrieval(
  options: EvalRetrievalOptions,
  config: ServerConfig,
  embedder: Embedder | undefined,
): Promise<EvalRetrievalResult> {
  const queries = await loadQueries(options.queries);
  const tasks = options.tasks === undefined ? undefined : await loadTasks(options.tasks);
  const built = await buildEvalEngine(options.docs, config, options.vectors ? embedder : undefined, { dataDir: options.dataDir });
  try {
    const counts = await built.store.knowledge.countDocuments(TENANT);
    const queryReport = retrievalReport(await judge(built, queries, options.k));
    const taskReport =
      tasks === undefined ? null : retrievalReport(await judge(built, tasks, Math.max(options.k, 20)), [1, 3, 5, 10, 20], 10);
    return {
      documents: counts.documents,
      chunks: counts.chunks,
      ingestSeconds: Math.round(built.ingestSeconds * 10) / 10,
      embedSeconds: built.embedSeconds === null ? null : Math.round(built.embedSeconds * 10) / 10,
      embedder: options.vectors ? (embedder?.id ?? null) : null,
      queries: queryReport,
      tasks: taskReport,
    };
  } finally {
    await built.engine.stop();
    await built.store.close();
  }
}

export function formatRetrievalReport(result: EvalRetrievalResult): string {
  const lines = [
    `Knowledge base: ${result.documents} documents, ${result.chunks} chunks; ingested in ${result.ingestSeconds} s` +
      (result.embedSeconds === null ? ' (lexical only)' : `; vectors (${result.embedder}) in ${result.embedSeconds} s`),
    '',
    `Queries: ${result.queries.queries} (${result.queries.answerable} answerable)`,
    `  recall   ${Object.entries(result.queries.recall)
      .map(([k, v]) => `${k} ${v.toFixed(3)}`)
      .join('   ')}`,
    `  hit rate ${Object.entries(result.queries.hitRate)
      .map(([k, v]) => `${k} ${v.toFixed(3)}`)
      .join('   ')}`,
    `  MRR ${result.queries.mrr.toFixed(3)}   nDCG@10 ${result.queries.ndcg10.toFixed(3)}   search latency p50 ${result.queries.latencyMs.p50} ms, p95 ${result.queries.latencyMs.p95} ms`,
  ];
  const u = result.queries.unanswerableTopScore;
  const a = result.queries.answerableTopScore;
  if (u !== null)
    lines.push(
      `  unanswerable top score: n ${u.n}, p50 ${u.p50}, p90 ${u.p90}, max ${u.max}` +
        (a === null ? '' : `   (answerable: p10 ${a.p10}, p50 ${a.p50})`),
    );
  for (const m of result.queries.misses) lines.push(`  miss ${m.id}: missing ${m.missing.join(', ')}; top ${m.top.join(', ')}`);
  if (result.tasks !== null) {
    lines.push('', `Tasks: ${result.tasks.answerable} with required documents`);
    lines.push(
      `  recall   ${Object.entries(result.tasks.recall)
        .map(([k, v]) => `${k} ${v.toFixed(3)}`)
        .join('   ')}`,
    );
    lines.push(
      `  hit rate ${Object.entries(result.tasks.hitRate)
        .map(([k, v]) => `${k} ${v.toFixed(3)}`)
        .join('   ')}`,
    );
    lines.push(
      `  MRR ${result.tasks.mrr.toFixed(3)}   nDCG@10 ${result.tasks.ndcg10.toFixed(3)}   search latency p50 ${result.tasks.latencyMs.p50} ms, p95 ${result.tasks.latencyMs.p95} ms`,
    );
  }
  return lines.join('\n');
}
