/**
 * Ingestion and freshness: the 698-article bank KB into a new file-backed store (budget < 60 s,
 * searchable lexically when stored; vectors fill in behind), then article edits until they are
 * retrievable, on the node that took the write and on a second node that learns of it from the
 * change feed (budget p95 < 1 s). Peer: a full rebuild of the index from the store, which is
 * what a copilot that re-syncs on a schedule pays for each refresh.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readLocalFiles } from '../../server/src/knowledge/ingest/readLocalFiles.js';
import { createKnowledgeEngine } from '../../server/src/knowledge/knowledgeEngine.js';
import { KnowledgeIndexes } from '../../server/src/knowledge/search/knowledgeIndexes.js';
import { createLogger } from '../../server/src/logging/logger.js';
import { openPgliteDatabase } from '../../server/src/storage/pglite/pgliteDatabase.js';
import { storeOn } from '../../server/src/storage/store.js';
import { ms, percentile, type BenchRow } from '../report.js';
import { BANK_DOCS, bankKbAvailable } from './bankKb.js';

const COMMAND = '`npm run bench -- ingest`';
const TENANT = 'bench';

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error('timed out waiting for freshness');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export async function ingestFreshnessBench(): Promise<BenchRow[]> {
  if (!bankKbAvailable()) return [];
  const dir = await mkdtemp(path.join(tmpdir(), 'tandem-bench-ingest-'));
  const log = createLogger('warn');
  const store = await storeOn(await openPgliteDatabase(dir));
  try {
    await store.tenants.create(TENANT, 'Bench');
    const engine = await createKnowledgeEngine({
      store,
      log,
      config: { knowledge: { maxUploadBytes: 25e6, allowPrivateUrls: false } },
      embedder: undefined,
    });
    engine.start();
    const files = await readLocalFiles(BANK_DOCS);
    await engine.indexes.forTenant(TENANT);
    const started = performance.now();
    const { jobId } = await engine.ingest.submit(
      TENANT,
      { kind: 'folder', name: 'bank' },
      files.map((f) => ({ kind: 'file', ...f })),
    );
    await engine.ingest.settled(jobId);
    await engine.indexes.settle();
    const ingestSeconds = (performance.now() - started) / 1000;
    const report = await engine.ingest.progress(TENANT, jobId);

    // A second node: its own indexes over the same store, learning only from the change feed.
    const second = new KnowledgeIndexes(store.knowledge, log, { pollMs: 100 });
    await second.forTenant(TENANT);
    second.start();

    const rebuildStarted = performance.now();
    const rebuilt = new KnowledgeIndexes(store.knowledge, log, { pollMs: 60_000 });
    await rebuilt.forTenant(TENANT);
    const rebuildMs = performance.now() - rebuildStarted;

    const local: number[] = [];
    const remote: number[] = [];
    for (let i = 0; i < 30; i++) {
      const marker = `zebracode${i}x${Date.now().toString(36)}`;
      const t = performance.now();
      const submitted = await engine.ingest.submit(TENANT, { kind: 'help-center', name: 'Bench edits' }, [
        {
          kind: 'article',
          article: { id: `edit-${i % 3}`, title: `Edited policy ${i % 3}`, body: `Our policy changed: quote ${marker} when you call.` },
        },
      ]);
      const hasMarker = async (index: Awaited<ReturnType<KnowledgeIndexes['forTenant']>>) =>
        index.search({ text: marker, k: 1 })[0]?.text.includes(marker) === true;
      const localIndex = await engine.indexes.forTenant(TENANT);
      const remoteIndex = await second.forTenant(TENANT);
      await Promise.all([
        until(() => hasMarker(localIndex), 5000).then(() => local.push(performance.now() - t)),
        until(() => hasMarker(remoteIndex), 5000).then(() => remote.push(performance.now() - t)),
      ]);
      await engine.ingest.settled(submitted.jobId);
    }
    second.stop();
    await engine.stop();
    return [
      {
        area: 'knowledge ingest',
        metric: 'ingest 698-article bank KB (stored + searchable)',
        value: `${ingestSeconds.toFixed(1)} s (${report?.documentsDone ?? 0} docs, ${report?.documentsFailed ?? 0} failed)`,
        peer: `index rebuild from store ${ms(rebuildMs)}`,
        command: COMMAND,
      },
      {
        area: 'knowledge ingest',
        metric: 'freshness: article edit → retrievable, p50 / p95',
        value: `${ms(percentile(local, 50))} / ${ms(percentile(local, 95))}`,
        peer: `second node via change feed ${ms(percentile(remote, 50))} / ${ms(percentile(remote, 95))}`,
        command: COMMAND,
      },
    ];
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}
