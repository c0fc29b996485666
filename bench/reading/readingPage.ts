/**
 * Browser entry of the reading benchmark, bundled by esbuild and run in a Chromium page that holds
 * a generated helpdesk thread: the site's own adapter reads the page again and again, each read
 * timed where it runs for the agent (in the page), and the first read checked against the reading
 * the page was built to give. Installs its API on `globalThis[READING_API]`.
 */
import { SITE_REGISTRY } from '../../extension/src/adapters/siteRegistry';
import { READING_API, type ReadingRun, type ReadingRunInput } from './readingApi.js';
import { readingProblems, roleSummary } from './threadCheck.js';

function run(input: ReadingRunInput): ReadingRun {
  const adapter = SITE_REGISTRY[input.site];
  const first = adapter.read(document, input.url);
  for (let i = 0; i < input.warmup; i++) adapter.read(document, input.url);
  const times: number[] = [];
  for (let i = 0; i < input.iterations; i++) {
    const started = performance.now();
    adapter.read(document, input.url);
    times.push(performance.now() - started);
  }
  return {
    times,
    outcome: first.kind === 'ticket' ? `ticket of ${first.ticket.messages.length} messages` : `${first.reason}: ${first.detail}`,
    roles: roleSummary(first),
    problems: readingProblems(input.expected, first),
  };
}

(globalThis as unknown as Record<string, unknown>)[READING_API] = { run };
