/**
 * The server under load for the widget load benchmark, in its own process so its memory is its
 * own: the default configuration (USE-lite embedder, the demo knowledge base, PGlite) with the
 * LLM at `TANDEM_LLM_BASE_URL` (the benchmark's instant fake), one widget site for the load's
 * origin with a threshold of 0 (every answer is shown, so every message of a conversation is
 * answered by the AI and has a first token), and rate limits opened up, since every simulated
 * visitor comes from one address. The semantic cache is off (`TANDEM_WIDGET_CACHE=false`, set by
 * the benchmark): every message is drafted. Prints one JSON line, `{ url, siteKey }`, once ready
 * and steady.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../server/src/config/env.js';
import { createServer } from '../../server/src/createServer.js';
import { loadDemoKnowledge } from '../../server/src/knowledge/ingest/demoKnowledge.js';

const OPEN = { capacity: 1_000_000, refillPerSecond: 1_000_000 };

const dataDir = await mkdtemp(path.join(tmpdir(), 'tandem-widget-load-'));
const config = loadConfig({ ...process.env, TANDEM_PORT: '0', TANDEM_DATA_DIR: dataDir, TANDEM_DEMO_STORE: 'false' });
const tandem = await createServer(config, {
  widget: { rateLimits: { perIp: OPEN, sessionsPerIp: OPEN, messagesPerVisitor: OPEN, messagesPerSite: OPEN } },
});
const url = await tandem.start();
const tenantId = tandem.admin.tenantId;
await loadDemoKnowledge(tandem.knowledge, tenantId);
await tandem.knowledge.indexes.settle();
await tandem.knowledge.filler?.whenIdle();
await tandem.knowledge.indexes.settle();
// Steady state: at start the assist engine embeds its intent examples in the background, and a
// query embedding waits behind them; the load starts once a query embeds promptly again.
for (let fast = 0, tries = 0; fast < 3 && tries < 600; tries += 1) {
  const started = performance.now();
  await tandem.knowledge.embedder?.embed([`warm-up ${tries}`]);
  fast = performance.now() - started < 150 ? fast + 1 : 0;
}
const origin = process.env.LOAD_ORIGIN ?? 'https://shop.example';
const site = await tandem.widget.sites.create(tenantId, { name: 'Load', allowedOrigins: [origin], confidenceThreshold: 0 });
process.stdout.write(`${JSON.stringify({ url, siteKey: site.siteKey })}\n`);

const stop = () => {
  void tandem.stop().finally(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
