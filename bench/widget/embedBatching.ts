/**
 * The query-embedding queue in isolation (`npx tsx bench/widget/embedBatching.ts`): what one
 * USE-lite worker batch costs by size (is it sublinear?), then N concurrent one-text embeddings,
 * as N widget answers ask at once, sent one call per worker request (packSize 1) against packed
 * into shared batches. Prints total time and per-call p50 / p95; not a BENCHMARKS.md row (the
 * widget load bench measures the effect end to end).
 */
import { loadavg } from 'node:os';
import { UseLiteEmbedder } from '../../server/src/knowledge/embedding/useLiteEmbedder.js';
import { ms, percentile } from '../report.js';

const CONCURRENT = Number(process.env.EMBED_BATCHING_CALLS ?? 64);
const ROUNDS = 5;

const text = (i: number): string =>
  `I ordered a backpack ${(i % 9) + 1} weeks ago (visit ${i}). How long does standard delivery take to my town, number ${i}?`;

async function batchCost(embedder: UseLiteEmbedder, size: number): Promise<number> {
  const times: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const start = performance.now();
    await embedder.embed(Array.from({ length: size }, (_, i) => text(r * 1000 + size * 10 + i)));
    times.push(performance.now() - start);
  }
  return percentile(times, 50);
}

async function concurrent(packSize: number, round: number): Promise<{ total: number; p50: number; p95: number }> {
  const embedder = new UseLiteEmbedder({ packSize });
  try {
    await embedder.embed(['warm the model up']);
    const start = performance.now();
    const latencies = await Promise.all(
      Array.from({ length: CONCURRENT }, async (_, i) => {
        await embedder.embed([text(round * 10_000 + packSize * 100 + i)]);
        return performance.now() - start;
      }),
    );
    return { total: performance.now() - start, p50: percentile(latencies, 50), p95: percentile(latencies, 95) };
  } finally {
    await embedder.close();
  }
}

const embedder = new UseLiteEmbedder({ packSize: 1 });
await embedder.embed(['warm the model up']);
const one = await batchCost(embedder, 1);
console.log(`load average ${loadavg()[0]?.toFixed(1)} (1 min)`);
for (const size of [1, 4, 8, 16, 32]) {
  const cost = size === 1 ? one : await batchCost(embedder, size);
  console.log(`batch of ${size}: ${ms(cost)} (${(cost / (one * size)).toFixed(2)} × ${size} single texts)`);
}
await embedder.close();
for (const packSize of [1, 16, 32]) {
  const r = await concurrent(packSize, packSize);
  console.log(`${CONCURRENT} concurrent one-text calls, packSize ${packSize}: total ${ms(r.total)}, p50 ${ms(r.p50)}, p95 ${ms(r.p95)}`);
}
console.log(`load average ${loadavg()[0]?.toFixed(1)} (1 min)`);
