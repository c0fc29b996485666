/**
 * The `reading` benchmark area: what reading a ticket costs the page. Content script size per site
 * from the production build (raw and gzipped; before this work every script was ~626 KB because zod
 * shipped in each), and the time for a site's adapter to read a 300-message thread in Chromium
 * (p50 / p95), against the same read over linkedom in Node. Both reads must give the reading the
 * page was built to give (roles, authors, bodies), else the run fails rather than time a wrong
 * reading. Skipped, with a note, where Chromium or the build is missing.
 */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { build } from 'esbuild';
import { CHROMIUM_PATH, EXTENSION_DIR, launchChromium } from '../../e2e/harness/chromium.js';
import { linkedomDocument } from '../../extension/src/adapters/fixtureHarness/fixtureCases.js';
import { SITE_REGISTRY } from '../../extension/src/adapters/siteRegistry.js';
import { ms, percentile, type BenchRow } from '../report.js';
import { builtSizes, type BundleSize } from './contentScriptSizes.js';
import { TICKET_LIMITS } from '../../shared/src/ticketReading.js';
import { READING_API, type ReadingRun, type ReadingRunInput } from './readingApi.js';
import { readingProblems, roleSummary } from './threadCheck.js';
import { THREAD_MESSAGES, threadPages, type ThreadPage } from './threadPages.js';

const AREA = 'reading';
const COMMAND = '`npm run bench -- reading`';
const ROOT = path.resolve(import.meta.dirname, '../..');
const WARMUP = 10;
const ITERATIONS = 60;
/** Measured on the production build before the adapters' zod-free rework (every content script alike). */
const BEFORE = { bytes: 640_710, gzipped: 119_636 };

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const both = (size: { bytes: number; gzipped: number }) => `${kb(size.bytes)} / ${kb(size.gzipped)}`;
const p50p95 = (times: readonly number[]) => `${ms(percentile([...times], 50))} / ${ms(percentile([...times], 95))}`;

function sizeRows(scripts: readonly BundleSize[], sidePanel: BundleSize): BenchRow[] {
  return scripts.map((script) => ({
    area: AREA,
    metric: `${script.name} content script, raw / gzipped (production build; budget ≤ 100 KB)`,
    value: both(script),
    peer: `before (zod in every script): ${both(BEFORE)}; side panel ${both(sidePanel)}`,
    command: COMMAND,
  }));
}

async function bundleReadingPage(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(ROOT, 'bench/reading/readingPage.ts')],
    absWorkingDir: ROOT,
    bundle: true,
    minify: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'silent',
  });
  const [output] = result.outputFiles;
  if (output === undefined) throw new Error('esbuild produced no bundle');
  return output.text;
}

async function servePages(pages: readonly ThreadPage[]): Promise<{ origin: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const page = pages.find((each) => req.url === `/${each.site}.html`);
    if (page === undefined) res.writeHead(404).end('not found');
    // Cross-origin isolation gives performance.now() microsecond resolution instead of 100 µs.
    else
      res
        .writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          'cross-origin-opener-policy': 'same-origin',
          'cross-origin-embedder-policy': 'require-corp',
        })
        .end(page.html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function readInNode(page: ThreadPage): ReadingRun {
  const doc = linkedomDocument(page.html);
  const adapter = SITE_REGISTRY[page.site];
  const first = adapter.read(doc, page.url);
  for (let i = 0; i < WARMUP; i++) adapter.read(doc, page.url);
  const times: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const started = performance.now();
    adapter.read(doc, page.url);
    times.push(performance.now() - started);
  }
  return {
    times,
    outcome: first.kind === 'ticket' ? `ticket of ${first.ticket.messages.length} messages` : `${first.reason}: ${first.detail}`,
    roles: roleSummary(first),
    problems: readingProblems(page.expected, first),
  };
}

/** A timing of a wrong reading measures nothing: the page or the adapter needs fixing first. */
function requireRightReading(page: ThreadPage, where: string, run: ReadingRun): void {
  if (run.problems.length > 0)
    throw new Error(`${page.site}: the ${where} read of the generated thread is wrong:\n  ${run.problems.join('\n  ')}`);
}

async function readTimeRows(): Promise<BenchRow[]> {
  const pages = threadPages();
  const bundle = await bundleReadingPage();
  const server = await servePages(pages);
  const session = await launchChromium({ withExtension: false });
  try {
    const rows: BenchRow[] = [];
    for (const page of pages) {
      const tab = await session.context.newPage();
      await tab.goto(`${server.origin}/${page.site}.html`);
      await tab.addScriptTag({ content: bundle });
      const input: ReadingRunInput = { site: page.site, url: page.url, warmup: WARMUP, iterations: ITERATIONS, expected: page.expected };
      const inChromium = await tab.evaluate(
        ([api, arg]) => (globalThis as unknown as Record<string, { run(a: unknown): ReadingRun }>)[api]?.run(arg),
        [READING_API, input] as const,
      );
      await tab.close();
      if (inChromium === undefined) throw new Error('the reading page did not load');
      const inNode = readInNode(page);
      console.log(
        `${page.site}: Chromium read ${inChromium.outcome} (${inChromium.roles}); linkedom read ${inNode.outcome} (${inNode.roles})`,
      );
      requireRightReading(page, 'Chromium', inChromium);
      requireRightReading(page, 'linkedom', inNode);
      rows.push({
        area: AREA,
        metric: `${page.site}: read a ${THREAD_MESSAGES}-message thread in Chromium (the newest ${TICKET_LIMITS.messages} kept: ${inChromium.roles}, each role, author and body as generated), p50 / p95 of ${ITERATIONS} reads`,
        value: p50p95(inChromium.times),
        peer: `same read over linkedom in Node ${p50p95(inNode.times)}`,
        command: COMMAND,
      });
    }
    return rows;
  } finally {
    await session.close();
    await server.close();
  }
}

export async function readingBench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  if (existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    const { scripts, sidePanel, builtAt } = await builtSizes();
    console.log(`extension build of ${builtAt.toISOString()}`);
    rows.push(...sizeRows(scripts, sidePanel));
  } else console.log(`sizes skipped: no extension build at ${EXTENSION_DIR} (npm run bench builds it first)`);
  if (existsSync(CHROMIUM_PATH)) rows.push(...(await readTimeRows()));
  else console.log(`read times skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set TANDEM_CHROMIUM)`);
  return rows;
}
