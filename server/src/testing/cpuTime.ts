/**
 * Test helper for the linear-time checks: how long a piece of work takes, as the least CPU time of
 * a few runs. CPU time, not wall time, and the fastest run, because several test files share two
 * cores: a step waiting for a core, or interrupted by a collector, is not a slower step. Growth
 * ratios built on this catch a rescan (a quadratic step grows by the square of the input) without
 * failing on a busy machine.
 */

/** The least CPU time of `runs` calls of `work`, in milliseconds, never below `floorMs` (so a sub-millisecond run cannot inflate a ratio). */
export function fastestCpuMs(work: () => unknown, runs = 3, floorMs = 0.5): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const started = process.cpuUsage();
    work();
    const used = process.cpuUsage(started);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return Math.max(best, floorMs);
}
