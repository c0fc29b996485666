/**
 * `npm run bench [-- area...]`: runs the benchmarks, prints their figures, and rewrites their
 * rows in BENCHMARKS.md. Areas: search, retrieval, ingest, intent, assist, actions, live, confidence, drafts, extension, cards, panel, reading, trust, analysis, widget, desktop, analytics (default: all).
 */
import { analyticsBench } from './analytics/analyticsBench.js';
import { analysisIntentStartBench } from './assist/analysisIntentStart.js';
import { analysisQualityBench } from './assist/analysisQuality.js';
import { intentAccuracyBench } from './assist/intentAccuracy.js';
import { retailActionsBench } from './assist/retailActions.js';
import { confidenceCalibrationBench } from './assist/confidenceCalibration.js';
import { draftsBench } from './assist/draftsBench.js';
import { firstTokenBench } from './assist/firstToken.js';
import { trustBench } from './assist/trustBench.js';
import { followLatencyBench } from './desktop/followLatency.js';
import { extensionBench } from './extension/extensionBench.js';
import { ticketToCardsBench } from './extension/ticketToCards.js';
import { panelTimingsBench } from './panel/panelTimings.js';
import { liveIngestBench } from './live/ingestRate.js';
import { liveLatencyBench } from './live/subscriberLatency.js';
import { ingestFreshnessBench } from './knowledge/ingestFreshness.js';
import { retrievalPeersBench } from './knowledge/retrievalPeers.js';
import { searchLatencyBench } from './knowledge/searchLatency.js';
import { readingBench } from './reading/readingBench.js';
import { widgetBundleBench } from './widget/bundleSize.js';
import { widgetCacheBench } from './widget/cacheQuality.js';
import { widgetLoadBench } from './widget/loadBench.js';
import { printRows, writeRows, type BenchRow } from './report.js';

const BENCHES: Record<string, () => Promise<BenchRow[]>> = {
  search: () => searchLatencyBench(),
  ingest: () => ingestFreshnessBench(),
  retrieval: () => retrievalPeersBench(),
  intent: () => intentAccuracyBench(),
  actions: () => retailActionsBench(),
  assist: () => firstTokenBench(),
  live: async () => [...(await liveIngestBench()), ...(await liveLatencyBench())],
  confidence: () => confidenceCalibrationBench(),
  drafts: () => draftsBench(),
  extension: () => extensionBench(),
  cards: () => ticketToCardsBench(),
  panel: () => panelTimingsBench(),
  reading: () => readingBench(),
  trust: () => trustBench(),
  analysis: async () => [...analysisQualityBench(), ...(await analysisIntentStartBench())],
  widget: async () => [...(await widgetBundleBench()), ...(await widgetCacheBench()), ...(await widgetLoadBench())],
  desktop: () => followLatencyBench(),
  analytics: () => analyticsBench(),
};

const requested = process.argv.slice(2).filter((a) => a !== '--');
const names = requested.length === 0 ? Object.keys(BENCHES) : requested;
const unknown = names.filter((n) => BENCHES[n] === undefined);
if (unknown.length > 0) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; known: ${Object.keys(BENCHES).join(', ')}`);
  process.exit(2);
}
const rows: BenchRow[] = [];
for (const name of names) {
  console.log(`\n▸ ${name}`);
  const result = await (BENCHES[name] as () => Promise<BenchRow[]>)();
  printRows(result);
  rows.push(...result);
}
// Rows of one area are replaced together, so a partial run keeps other areas' figures.
await writeRows(rows);
console.log('\nBENCHMARKS.md updated.');
process.exit(0);
