// kill -9 in the middle of a large ingestion, then restart: every document is either fully
// present at its acknowledged version or absent, and the job reports what to retry.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../logging/logger.js';
import { openPgliteDatabase } from '../../storage/pglite/pgliteDatabase.js';
import { storeOn } from '../../storage/store.js';
import { generatedArticle } from '../../testing/generatedArticles.js';
import { createKnowledgeEngine } from '../knowledgeEngine.js';
import { DEFAULT_PARSE_LIMITS } from '../parsing/parsedDocument.js';
import { prepareFile } from './prepareDocument.js';

const COUNT = 600;

describe('ingestion survives kill -9', () => {
  let dataDir = '';
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('keeps whole documents only and reports what to retry', async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'tandem-crash-'));
    const script = path.resolve(import.meta.dirname, '../../testing/ingestUntilKilled.ts');
    const child = spawn(process.execPath, ['--import', 'tsx', script, dataDir, String(COUNT)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let jobId = '';
    let acked = 0;
    await new Promise<void>((resolve, reject) => {
      child.on('exit', (code) => reject(new Error(`ingesting process ended early (${code})`)));
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        for (const line of chunk.split('\n')) {
          if (line.startsWith('job ')) jobId = line.slice(4);
          if (line.startsWith('acked ')) acked = Number(line.slice(6));
        }
        if (acked >= 60) resolve();
      });
    });
    child.removeAllListeners('exit');
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGKILL');
    await exited;

    const store = await storeOn(await openPgliteDatabase(dataDir));
    try {
      const engine = await createKnowledgeEngine({
        store,
        log: createLogger('silent'),
        config: { knowledge: { maxUploadBytes: 25e6, allowPrivateUrls: false } },
        embedder: undefined,
      });
      const report = await engine.ingest.progress('crash', jobId);
      const toRetry = (await engine.ingest.toRetry('crash', jobId)) ?? [];
      expect(report?.status).toBe('failed');
      expect(report!.documentsDone).toBeGreaterThanOrEqual(acked);
      expect(report!.documentsDone).toBeLessThan(COUNT);
      expect(toRetry.length).toBe(COUNT - report!.documentsDone);

      const docs = await store.knowledge.listDocuments('crash', { limit: COUNT, offset: 0 });
      const encoder = new TextEncoder();
      for (const doc of docs) {
        const i = Number(/article-(\d+)\.md/.exec(doc.externalId)?.[1]);
        const [expected] = await prepareFile(doc.externalId, encoder.encode(generatedArticle(i)), DEFAULT_PARSE_LIMITS);
        const chunks = await store.knowledge.chunksOf([doc.id]);
        expect(doc.version).toBe(1);
        expect(doc.contentHash).toBe(expected!.contentHash);
        expect(chunks.map((c) => c.text)).toEqual(expected!.chunks.map((c) => c.text));
      }
      // Acknowledged items are stored; items to retry are exactly the ones not acknowledged.
      const stored = new Set(docs.map((d) => d.externalId));
      for (const item of toRetry) expect(report!.errors.some((e) => e.item === item)).toBe(false);
      expect(docs.length).toBeGreaterThanOrEqual(report!.documentsDone);
      expect([...stored].filter((id) => toRetry.includes(id))).toEqual([]);
      await engine.stop();
    } finally {
      await store.close();
    }
  }, 120_000);
});
