/**
 * The timing loop every latency benchmark shares: warm-up runs, then each run timed on its own and
 * the whole loop's wall time (for throughput). Pure, so it also runs inside a Chromium page.
 */
export function timeLoop(run: (i: number) => void, warmup: number, iterations: number): { times: number[]; wallMs: number } {
  for (let i = 0; i < warmup; i++) run(i);
  const times: number[] = [];
  const started = performance.now();
  for (let i = 0; i < iterations; i++) {
    const t = performance.now();
    run(i);
    times.push(performance.now() - t);
  }
  return { times, wallMs: performance.now() - started };
}
