/**
 * Panel ready on a big cache: the panel opened again and again on a freshly loaded page (a new
 * document and heap each time, as a panel opening has), from open to the ticket's first hybrid
 * search answered. The panel's way (its cache service: the stored index snapshot plus the changes
 * since) against today's way (LocalKnowledgeIndex.loadFrom, a rebuild from every cached row),
 * alternated in the same run on the same database, and both must answer that first search alike.
 * Also reported: the snapshot's background write (size stored, main-thread time, time to commit).
 */
import type { QuantisedVector } from '../../shared/src/knowledgeSync.js';
import { TICKETS } from '../knowledge/searchLatency.js';
import { ms, percentile, type BenchRow } from '../report.js';
import type { BenchPage } from './benchPage.js';
import type { LocalSearchResult, PanelReadyInput, PanelReadyResult } from './pageApi.js';
import { AREA, COMMAND, duration } from './rows.js';

const SNAPSHOT_OPENS = 10;
/** A rebuild at 100k takes tens of seconds per open: fewer of them there. */
const rebuildOpens = (size: number) => (size >= 100_000 ? 5 : 10);

export interface PanelReadyTarget {
  dbName: string;
  size: number;
  chunks: number;
  queryVectors: QuantisedVector[];
  k: number;
}

const p50p95 = (values: readonly number[]) => `${duration(percentile(values, 50))} / ${duration(percentile(values, 95))}`;

export async function panelReadyRows(page: BenchPage, target: PanelReadyTarget, written: LocalSearchResult): Promise<BenchRow[]> {
  const runs: Record<PanelReadyInput['mode'], PanelReadyResult[]> = { snapshot: [], rebuild: [] };
  const answers = new Map<number, string[]>();
  const rebuilds = rebuildOpens(target.size);
  try {
    // Alternated while both last, so a drift in the machine's load falls on both alike.
    for (let i = 0; runs.snapshot.length < SNAPSHOT_OPENS || runs.rebuild.length < rebuilds; i++) {
      const mode: PanelReadyInput['mode'] =
        runs.rebuild.length < rebuilds && (i % 2 === 1 || runs.snapshot.length >= SNAPSHOT_OPENS) ? 'rebuild' : 'snapshot';
      const ticket = i % TICKETS.length;
      await page.reload();
      const result = await page.panelReady({
        dbName: target.dbName,
        mode,
        query: TICKETS[ticket] as string,
        vector: target.queryVectors[ticket % target.queryVectors.length] as QuantisedVector,
        k: target.k,
      });
      if (result.source !== mode) throw new Error(`a ${mode} open loaded by ${result.source}`);
      if (result.chunks !== target.chunks) throw new Error(`the panel opened ${result.chunks} chunks of ${target.chunks}`);
      const seen = answers.get(ticket);
      if (seen !== undefined && seen.join() !== result.hits.join())
        throw new Error(`ticket ${ticket} was answered ${result.hits.join()} after a ${mode}, ${seen.join()} before`);
      answers.set(ticket, result.hits);
      runs[mode].push(result);
    }
  } finally {
    await page.dropDatabase(target.dbName);
  }
  const label = `${target.size / 1000}k chunks`;
  const { snapshot, rebuild } = runs;
  const rows: BenchRow[] = [
    {
      area: AREA,
      metric: `panel ready (open → first hybrid search answered) p50 / p95 in Chromium, ${label}, fresh page per open, from the index snapshot + changes since${target.size >= 100_000 ? ' (budget < 2 s)' : ''}`,
      value: `${p50p95(snapshot.map((r) => r.readyMs))} over ${snapshot.length} opens (open ${duration(
        percentile(
          snapshot.map((r) => r.loadMs),
          50,
        ),
      )}, first search ${ms(
        percentile(
          snapshot.map((r) => r.firstSearchMs),
          50,
        ),
      )})`,
      peer: `today's rebuild (LocalKnowledgeIndex.loadFrom, then the same search) ${p50p95(rebuild.map((r) => r.readyMs))} over ${rebuild.length} opens (first search ${duration(
        percentile(
          rebuild.map((r) => r.firstSearchMs),
          50,
        ),
      )})`,
      command: COMMAND,
    },
  ];
  const write = written.snapshot;
  if (write !== null)
    rows.push({
      area: AREA,
      metric: `index snapshot written in the background (SnapshotKeeper), ${label}`,
      value: `${(write.bytes / 1e6).toFixed(1)} MB stored; main thread ${ms(write.captureMs)} capture + ${ms(write.checksumMs)} read back + checksum${write.prepareMs >= 1 ? `, after ${duration(write.prepareMs)} of partition training in ≤ 12 ms slices` : ''}; committed after ${duration(write.totalMs)}`,
      peer: `without it every open rebuilds: ${duration(written.loadMs)} (index load row)`,
      command: COMMAND,
    });
  return rows;
}
