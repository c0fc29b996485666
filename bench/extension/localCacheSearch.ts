/**
 * The extension's local knowledge cache at 10k and 100k chunks, in Chromium (budget: p95 < 25 ms
 * at 100k): the real syncKnowledge copies the synthetic feed into a fresh Dexie database, the real
 * LocalKnowledgeIndex loads it back from IndexedDB, then the panel's search is timed with the
 * ticket's (int8) query vector. Corpus, vectors and tickets are the server search benchmark's.
 * Peers, same page and same run: lexical-only search (no query vector), the feed fetched and
 * parsed without being applied, the rows read from IndexedDB without being indexed. Then the
 * index snapshot is written, and the panel is opened on fresh pages (panelReady.ts).
 */
import { ms, percentile, type BenchRow } from '../report.js';
import { RECALL_K, TICKETS } from '../knowledge/searchLatency.js';
import type { BenchPage, PageServer } from './benchPage.js';
import { panelReadyRows } from './panelReady.js';
import { AREA, COMMAND, duration, rate } from './rows.js';
import { syntheticFeed } from './syntheticFeed.js';

/** The panel shows this many knowledge cards (CARD_COUNT). */
const K = 5;

export async function localCacheSearchBench(page: BenchPage, server: PageServer, sizes: readonly number[]): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  // The sync is reported for the largest size only: it is the one a first start waits for.
  const largest = Math.max(...sizes);
  for (const size of sizes) {
    const feed = await syntheticFeed(size);
    server.setFeed(feed.pagesByCursor);
    const dbName = `bench-cache-${size}-${Date.now()}`;
    const result = await page.localSearch({
      feed: { kind: 'synthetic', url: server.syncUrl },
      dbName,
      tickets: TICKETS,
      queryVectors: feed.queryVectors,
      recallQueries: feed.recallQueries,
      k: K,
      recallK: RECALL_K,
      fetchOnlyPeer: size === largest,
      // The page is cold (fresh JIT): enough warm-up that the timed loop measures the steady state.
      warmup: 50,
      iterations: 400,
      keepWithSnapshot: true,
    });
    server.setFeed(new Map());
    if (result.chunks !== feed.chunks) throw new Error(`the cache holds ${result.chunks} chunks, the feed sent ${feed.chunks}`);
    const panel = await panelReadyRows(page, { dbName, size, chunks: feed.chunks, queryVectors: feed.queryVectors, k: K }, result);

    const label = `${size / 1000}k chunks`;
    const hybrid = { p50: percentile(result.hybridMs, 50), p95: percentile(result.hybridMs, 95) };
    const lexical = { p50: percentile(result.lexicalMs, 50), p95: percentile(result.lexicalMs, 95) };
    rows.push({
      area: AREA,
      metric: `local hybrid search p50 / p95 in Chromium, ${label}${size >= 100_000 ? ' (budget p95 < 25 ms)' : ''}`,
      value: `${ms(hybrid.p50)} / ${ms(hybrid.p95)}; ${rate(result.hybridMs.length, result.hybridWallMs, 'searches')}`,
      peer: `lexical-only (no query vector) ${ms(lexical.p50)} / ${ms(lexical.p95)}; ${rate(result.lexicalMs.length, result.lexicalWallMs, 'searches')}`,
      command: COMMAND,
    });
    rows.push({
      area: AREA,
      metric: `vector recall@${RECALL_K} against an exact scan of the cached int8 vectors, ${label}`,
      value: result.recall.toFixed(3),
      peer: 'exact scan 1.000 (by definition)',
      command: COMMAND,
    });
    rows.push({
      area: AREA,
      metric: `index load from IndexedDB (LocalKnowledgeIndex.loadFrom), ${label}`,
      value: duration(result.loadMs),
      peer: `reading the same rows alone ${duration(result.readOnlyMs)}`,
      command: COMMAND,
    });
    rows.push(...panel);
    if (result.fetchOnlyMs !== null)
      rows.push({
        area: AREA,
        metric: `sync from scratch into IndexedDB, ${label} (${result.documents.toLocaleString('en-US')} docs, ${result.pages} pages, synthetic feed over HTTP)`,
        value: `${duration(result.syncMs)} (${rate(result.chunks, result.syncMs, 'chunks')})`,
        peer: `same pages fetched + parsed, not applied: ${duration(result.fetchOnlyMs)} (${rate(result.chunks, result.fetchOnlyMs, 'chunks')})`,
        command: COMMAND,
      });
  }
  return rows;
}
