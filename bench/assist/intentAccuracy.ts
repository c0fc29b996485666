/**
 * Intent accuracy on BANKING77 (PolyAI, CC BY 4.0), read from ../shared/data/banking77 and never
 * copied into the repo: the classifier is fitted on train.csv and scored on test.csv, against its
 * own embedding-only and lexical-only halves as peers in the same run. Every setting was chosen on
 * a split of train.csv (see DEFAULT_INTENT_OPTIONS); test.csv is only ever scored.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { IntentClassifier, type IntentClassifierOptions, type IntentMatch } from '../../server/src/assist/analysis/intentClassifier.js';
import { loadConfig } from '../../server/src/config/env.js';
import { createEmbedder } from '../../server/src/knowledge/embedding/createEmbedder.js';
import type { Embedder } from '../../server/src/knowledge/embedding/embedder.js';
import { ms, percentile, type BenchRow } from '../report.js';

const AREA = 'assist intent';
const COMMAND = '`npm run bench -- intent`';
/** The peers at their own best settings on the same train split (no confidence floor, like the fused figure beside them). */
const EMBEDDING_ONLY: Partial<IntentClassifierOptions> = { lexicalWeight: 0, k: 5, sharpness: 16, minConfidence: 0 };
const LEXICAL_ONLY: Partial<IntentClassifierOptions> = { lexicalWeight: 1, k: 50, sharpness: 8, minConfidence: 0 };
/** Tickets classified end to end (one embedding call each) for the latency that includes embedding. */
const LIVE_SAMPLE = 200;

const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const BANKING77 = path.resolve(ROOT, '..', 'shared', 'data', 'banking77');
/** USE-lite needs minutes for the 13k texts on 2 cores, so vectors persist between runs. */
export const BANKING77_CACHE = path.resolve(ROOT, '.data', 'bench', 'banking77');

export interface LabelledText {
  text: string;
  label: string;
}

/**
 * RFC 4180 rows: quoted fields may hold commas, doubled quotes and line breaks (a few banking77
 * texts span lines, so splitting on newlines would misalign them).
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((cell) => cell.trim() !== ''));
}

export async function loadSplit(name: 'train' | 'test'): Promise<LabelledText[]> {
  const [header, ...rows] = parseCsv(await readFile(path.join(BANKING77, `${name}.csv`), 'utf8'));
  const textAt = header?.indexOf('text') ?? -1;
  const labelAt = header?.indexOf('category') ?? -1;
  if (textAt < 0 || labelAt < 0) throw new Error(`${name}.csv: expected columns text,category`);
  return rows.map((r) => ({ text: (r[textAt] ?? '').trim(), label: (r[labelAt] ?? '').trim() }));
}

export function banking77Available(): boolean {
  if (existsSync(path.join(BANKING77, 'train.csv')) && existsSync(path.join(BANKING77, 'test.csv'))) return true;
  console.log(`skipped: banking77 is not at ${BANKING77} (expected train.csv and test.csv)`);
  return false;
}

interface CacheHeader {
  embedder: string;
  dimensions: number;
  count: number;
  /** sha256 of the texts, so an edited dataset is re-embedded rather than misread. */
  texts: string;
  textsPerSecond: number;
}

export interface CachedVectors {
  vectors: Float32Array[];
  /** Embedding throughput measured when the cache was filled (a cache hit embeds nothing). */
  textsPerSecond: number;
  fromCache: boolean;
}

/** Vectors of `texts` from the on-disk cache, embedding them (with progress) when it is missing or stale. */
export async function cachedEmbeddings(embedder: Embedder, texts: readonly string[]): Promise<CachedVectors> {
  const file = path.join(BANKING77_CACHE, `${embedder.id.replace(/[^a-zA-Z0-9._-]+/g, '_')}.bin`);
  const digest = createHash('sha256').update(texts.join('\u0000')).digest('hex');
  try {
    const bytes = await readFile(file);
    const newline = bytes.indexOf(10);
    const header = JSON.parse(bytes.subarray(0, newline).toString('utf8')) as CacheHeader;
    if (header.embedder === embedder.id && header.texts === digest && header.count === texts.length) {
      // Copied out so each vector is 4-byte aligned whatever the header length.
      const body = new Float32Array(new Uint8Array(bytes.subarray(newline + 1)).buffer);
      const d = header.dimensions;
      if (body.length === d * texts.length) {
        const vectors = texts.map((_, i) => body.subarray(i * d, (i + 1) * d));
        return { vectors, textsPerSecond: header.textsPerSecond, fromCache: true };
      }
    }
    console.log(`  cache ${path.relative(ROOT, file)} is stale; re-embedding`);
  } catch {
    // No cache yet.
  }
  const vectors: Float32Array[] = [];
  const step = embedder.batchSize * 8;
  const started = performance.now();
  for (let i = 0; i < texts.length; i += step) {
    vectors.push(...(await embedder.embed(texts.slice(i, i + step))));
    const seconds = (performance.now() - started) / 1000;
    console.log(`  embedded ${vectors.length}/${texts.length} (${(vectors.length / seconds).toFixed(1)} texts/s)`);
  }
  const textsPerSecond = texts.length / ((performance.now() - started) / 1000);
  const dimensions = vectors[0]?.length ?? 0;
  const body = new Float32Array(dimensions * vectors.length);
  vectors.forEach((v, i) => body.set(v, i * dimensions));
  const header: CacheHeader = { embedder: embedder.id, dimensions, count: texts.length, texts: digest, textsPerSecond };
  await mkdir(BANKING77_CACHE, { recursive: true });
  await writeFile(file, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), Buffer.from(body.buffer)]));
  return { vectors, textsPerSecond, fromCache: false };
}

export async function intentAccuracyBench(): Promise<BenchRow[]> {
  if (!banking77Available()) return [];
  const train = await loadSplit('train');
  const test = await loadSplit('test');
  const embedder = createEmbedder(loadConfig({ TANDEM_LOG_LEVEL: 'warn' }).embedder);
  try {
    const cached = await cachedEmbeddings(
      embedder,
      [...train, ...test].map((e) => e.text),
    );
    const trainVectors = cached.vectors.slice(0, train.length);
    const testVectors = cached.vectors.slice(train.length);
    console.log(
      `  ${embedder.id}: ${cached.textsPerSecond.toFixed(1)} texts/s ${cached.fromCache ? 'when the cache was filled' : 'this run'} (${cached.vectors.length} texts)`,
    );

    const tuningSplit = devSplit(train);
    const tuned = IntentClassifier.fromVectors(
      tuningSplit.fit.map((i) => train[i] as LabelledText),
      tuningSplit.fit.map((i) => trainVectors[i] as Float32Array),
      embedder,
    );
    const devScore = (c: IntentClassifier) =>
      accuracy(
        tuningSplit.dev.map((i) => c.classifyEmbedded((train[i] as LabelledText).text, trainVectors[i])),
        tuningSplit.dev.map((i) => train[i] as LabelledText),
      ).toFixed(3);
    console.log(
      `  train split the settings were tuned on (${tuningSplit.dev.length} held out): fused ${devScore(tuned)}, ` +
        `embedding-only ${devScore(tuned.withOptions(EMBEDDING_ONLY))}, lexical-only ${devScore(tuned.withOptions(LEXICAL_ONLY))}`,
    );

    const fitStarted = performance.now();
    const fused = IntentClassifier.fromVectors(train, trainVectors, embedder);
    const fitMs = performance.now() - fitStarted;
    const run = (c: IntentClassifier) => {
      const latencies: number[] = [];
      const matches = test.map((e, i) => {
        const t = performance.now();
        const match = c.classifyEmbedded(e.text, testVectors[i]);
        latencies.push(performance.now() - t);
        return match;
      });
      return { accuracy: accuracy(matches, test), abstained: matches.filter((m) => m === null).length / matches.length, latencies };
    };
    // A warm-up pass, so the first configuration timed does not also pay for JIT compilation.
    run(fused);
    const f = run(fused);
    const unfloored = run(fused.withOptions({ minConfidence: 0 }));
    const e = run(fused.withOptions(EMBEDDING_ONLY));
    const l = run(fused.withOptions(LEXICAL_ONLY));

    // End to end as the assist engine calls it: one embedding call per ticket, then the vote.
    const sample = spread(test, LIVE_SAMPLE);
    await fused.classify('warm-up');
    const live: number[] = [];
    for (const ticket of sample) {
      const t = performance.now();
      await fused.classify(ticket.text);
      live.push(performance.now() - t);
    }
    // Throughput measured in this run, so a cache hit still reports the embedder's speed.
    const batchStarted = performance.now();
    await embedder.embed(sample.map((s) => s.text));
    const textsPerSecond = sample.length / ((performance.now() - batchStarted) / 1000);
    const singleStarted = performance.now();
    const singles = sample.slice(0, 50);
    for (const ticket of singles) await embedder.embed([ticket.text]);
    const singlePerSecond = singles.length / ((performance.now() - singleStarted) / 1000);

    const p = (xs: number[]) => `${ms(percentile(xs, 50))} / ${ms(percentile(xs, 95))}`;
    return [
      {
        area: AREA,
        metric: `accuracy, banking77 test.csv (${test.length} messages, 77 intents), kNN over train.csv (${train.length})`,
        value: `${f.accuracy.toFixed(3)} (abstains on ${pct(f.abstained)}; ${unfloored.accuracy.toFixed(3)} without the floor)`,
        peer: `embedding-only kNN ${e.accuracy.toFixed(3)}; lexical-only (BM25) kNN ${l.accuracy.toFixed(3)}`,
        command: COMMAND,
      },
      {
        area: AREA,
        metric: 'classify latency p50 / p95 per ticket, 10k examples',
        value: `${p(f.latencies)} (vector given); ${p(live)} incl. embedding`,
        peer: `embedding-only ${p(e.latencies)}; lexical-only ${p(l.latencies)} (vector given)`,
        command: COMMAND,
      },
      {
        area: AREA,
        metric: `fitting on train.csv: ${embedder.id} embedding, then indexing`,
        value: `${textsPerSecond.toFixed(0)} texts/s in batches of ${embedder.batchSize} (vectors cached on disk); index ${ms(fitMs)}`,
        peer: `one text per call ${singlePerSecond.toFixed(0)} texts/s`,
        command: COMMAND,
      },
    ];
  } finally {
    await embedder.close();
  }
}

function accuracy(matches: readonly (IntentMatch | null)[], truth: readonly LabelledText[]): number {
  let correct = 0;
  matches.forEach((m, i) => {
    if (m?.label === truth[i]?.label) correct += 1;
  });
  return correct / Math.max(truth.length, 1);
}

/** Every fifth example of each intent held out: the split every setting was tuned on. */
function devSplit(train: readonly LabelledText[]): { fit: number[]; dev: number[] } {
  const seen = new Map<string, number>();
  const fit: number[] = [];
  const dev: number[] = [];
  train.forEach((e, i) => {
    const n = seen.get(e.label) ?? 0;
    seen.set(e.label, n + 1);
    (n % 5 === 4 ? dev : fit).push(i);
  });
  return { fit, dev };
}

/** `count` items evenly spread over `items`, so a sample covers every intent block of the file. */
function spread<T>(items: readonly T[], count: number): T[] {
  const step = Math.max(1, items.length / count);
  const out: T[] = [];
  for (let i = 0; i < items.length && out.length < count; i += step) out.push(items[Math.floor(i)] as T);
  return out;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
