/**
 * The `extension` benchmark area: the extension's local knowledge cache measured in real Chromium
 * (a plain page on 127.0.0.1 running the extension's own modules; no extension install needed),
 * one browser and one page server for both parts. Skipped, with a note, where Chromium is missing.
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { CHROMIUM_PATH } from '../../e2e/harness/chromium.js';
import type { BenchRow } from '../report.js';
import { bundleCachePage, openBenchPage, servePage } from './benchPage.js';
import { localCacheSearchBench } from './localCacheSearch.js';
import { serverSyncBench } from './serverSync.js';

export async function extensionBench(): Promise<BenchRow[]> {
  if (!existsSync(CHROMIUM_PATH)) {
    console.log(`skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set TANDEM_CHROMIUM)`);
    return [];
  }
  // Chromium's timings suffer first when other work shares the two cores: the load is printed with them.
  const load = () => (loadavg()[0] ?? 0).toFixed(1);
  console.log(`load average (1 min) at start: ${load()}`);
  const server = await servePage(await bundleCachePage());
  try {
    const page = await openBenchPage(server.origin);
    try {
      const rows = [...(await localCacheSearchBench(page, server, [10_000, 100_000])), ...(await serverSyncBench(page, server))];
      console.log(`load average (1 min) at end: ${load()}`);
      return rows;
    } finally {
      await page.close();
    }
  } finally {
    await server.close();
  }
}
