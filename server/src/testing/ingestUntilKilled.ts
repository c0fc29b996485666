/**
 * Test helper process: ingests a large generated batch into a file-backed store and reports each
 * acknowledged item on stdout, until the test kills it with SIGKILL mid-way.
 */
import { createKnowledgeEngine } from '../knowledge/knowledgeEngine.js';
import { createLogger } from '../logging/logger.js';
import { openPgliteDatabase } from '../storage/pglite/pgliteDatabase.js';
import { storeOn } from '../storage/store.js';
import { generatedArticle } from './generatedArticles.js';

const [dataDir, countArg] = process.argv.slice(2);
if (dataDir === undefined || countArg === undefined) throw new Error('usage: ingestUntilKilled <dataDir> <count>');
const count = Number(countArg);

const store = await storeOn(await openPgliteDatabase(dataDir));
await store.tenants.create('crash', 'Crash test');
const engine = await createKnowledgeEngine({
  store,
  log: createLogger('silent'),
  config: { knowledge: { maxUploadBytes: 25e6, allowPrivateUrls: false } },
  embedder: undefined,
});
const encoder = new TextEncoder();
const items = Array.from({ length: count }, (_, i) => ({
  kind: 'file' as const,
  name: `article-${i}.md`,
  bytes: encoder.encode(generatedArticle(i)),
}));
const { jobId } = await engine.ingest.submit('crash', { kind: 'upload', name: 'Crash batch' }, items);
process.stdout.write(`job ${jobId}\n`);
engine.ingest.onProgress(jobId, (p) => process.stdout.write(`acked ${p.documentsDone}\n`));
