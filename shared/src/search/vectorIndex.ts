/**
 * Dense vectors by slot (the same slots as the lexical indexes), compared by cosine similarity
 * of unit vectors. Small collections are scanned exactly. Large ones are first scanned in a
 * 64-dimensional random projection (Johnson–Lindenstrauss: inner products are roughly kept at an
 * eighth of the cost, with no training step and O(1) updates), and the best few hundred are then
 * rescored exactly. A snapshot keeps the int8 vectors, their scales, the sketches and the trained
 * partitions, so a restored index neither re-projects nor retrains (both cost seconds at 100k).
 */

import { IvfPartitions, type PartitionList } from './ivfPartitions.js';
import { IndexSnapshotError } from './snapshot/snapshotFormat.js';
import type { SnapshotReader } from './snapshot/snapshotReader.js';
import type { SnapshotWriter } from './snapshot/snapshotWriter.js';

const SKETCH_DIMENSIONS = 64;
/** Below this many vectors an exact scan is already cheap. */
const EXACT_SCAN_LIMIT = 4096;
/** Above this many, only the partitions nearest the query are scanned. */
const PARTITION_LIMIT = 16_384;
const TRAINING_SAMPLE = 4096;

/** A fixed pseudo-random Gaussian projection, the same in every process (seeded). */
function projectionMatrix(rows: number, cols: number, seed = 0x7a6d): Float32Array {
  let state = seed >>> 0;
  const uniform = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const m = new Float32Array(rows * cols);
  for (let i = 0; i < m.length; i += 2) {
    const u1 = Math.max(uniform(), 1e-12);
    const u2 = uniform();
    const r = Math.sqrt(-2 * Math.log(u1)) / Math.sqrt(cols);
    m[i] = r * Math.cos(2 * Math.PI * u2);
    if (i + 1 < m.length) m[i + 1] = r * Math.sin(2 * Math.PI * u2);
  }
  return m;
}

export interface VectorIndexOptions {
  /**
   * Share of a partitioned collection scanned per search (the nearest partitions); at least as
   * many entries as PARTITION_LIMIT are scanned, so mid-sized collections keep near-exact recall.
   */
  scanShare: number;
  /** Sketch-ranked candidates rescored exactly, at least. */
  rerankPool: number;
}

export const DEFAULT_VECTOR_OPTIONS: VectorIndexOptions = { scanShare: 0.25, rerankPool: 384 };

/** Cosine of the angle between two vectors of any length scale (0 when either is all zeros). */
export function cosineSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

export function normalise(vector: ArrayLike<number>): Float32Array {
  const out = Float32Array.from(vector);
  let norm = 0;
  for (const x of out) norm += x * x;
  const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) * inv;
  return out;
}

export class VectorIndex {
  /** Unit vectors quantised to int8 with a scale per vector: a quarter of the memory, and of the memory traffic of a rescoring pass. */
  private data = new Int8Array(0);
  private scales = new Float32Array(0);
  /** Kept as floats: int8 sketches halve the memory but scanned slower here (conversions in the hot loop). */
  private sketches = new Float32Array(0);
  private present = new Uint8Array(0);
  private count = 0;
  private liveSlots: number[] = [];
  private dirty = false;
  private partitions: IvfPartitions | undefined;
  /** Size of the collection when the partitions were trained; they are retrained when it doubles. */
  private trainedAt = 0;
  /** Slots set or removed while a stepwise training runs, to file before it installs its partitions. */
  private changedWhileTraining: Set<number> | undefined;
  private readonly projection: Float32Array;

  constructor(
    readonly dimensions: number,
    private readonly options: VectorIndexOptions = DEFAULT_VECTOR_OPTIONS,
  ) {
    this.projection = projectionMatrix(dimensions, SKETCH_DIMENSIONS);
  }

  get size(): number {
    return this.count;
  }

  has(slot: number): boolean {
    return this.present[slot] === 1;
  }

  private ensureCapacity(slot: number): void {
    const capacity = this.present.length;
    if (slot < capacity) return;
    const next = Math.max(1024, capacity * 2, slot + 1);
    const data = new Int8Array(next * this.dimensions);
    data.set(this.data);
    this.data = data;
    const scales = new Float32Array(next);
    scales.set(this.scales);
    this.scales = scales;
    const sketches = new Float32Array(next * SKETCH_DIMENSIONS);
    sketches.set(this.sketches);
    this.sketches = sketches;
    const present = new Uint8Array(next);
    present.set(this.present);
    this.present = present;
  }

  private sketchInto(vector: Float32Array, out: Float32Array, offset: number): void {
    const p = this.projection;
    for (let j = 0; j < SKETCH_DIMENSIONS; j++) out[offset + j] = 0;
    for (let i = 0; i < this.dimensions; i++) {
      const x = vector[i] as number;
      if (x === 0) continue;
      const row = i * SKETCH_DIMENSIONS;
      for (let j = 0; j < SKETCH_DIMENSIONS; j++) out[offset + j] = (out[offset + j] as number) + x * (p[row + j] as number);
    }
  }

  /** Stores `vector` normalised to unit length. */
  set(slot: number, vector: ArrayLike<number>): void {
    if (vector.length !== this.dimensions) throw new Error(`expected ${this.dimensions} dimensions, got ${vector.length}`);
    this.ensureCapacity(slot);
    const unit = normalise(vector);
    let maxAbs = 0;
    for (const x of unit) if (Math.abs(x) > maxAbs) maxAbs = Math.abs(x);
    const scale = maxAbs > 0 ? maxAbs / 127 : 1;
    const base = slot * this.dimensions;
    for (let i = 0; i < this.dimensions; i++) this.data[base + i] = Math.round((unit[i] as number) / scale);
    this.scales[slot] = scale;
    this.sketchInto(unit, this.sketches, slot * SKETCH_DIMENSIONS);
    this.partitions?.assign(slot, this.sketches);
    this.changedWhileTraining?.add(slot);
    if (this.present[slot] !== 1) {
      this.present[slot] = 1;
      this.count += 1;
      this.dirty = true;
    }
  }

  remove(slot: number): void {
    if (this.present[slot] !== 1) return;
    this.present[slot] = 0;
    this.partitions?.remove(slot);
    this.changedWhileTraining?.add(slot);
    this.count -= 1;
    this.dirty = true;
  }

  /** Projection entries a snapshot records, so a build with another projection refuses its sketches. */
  private projectionProbe(): number[] {
    const p = this.projection;
    return [0, 1, 63, 64, p.length >> 1, p.length - 1].map((i) => p[i] ?? 0);
  }

  writeSnapshot(writer: SnapshotWriter): void {
    let top = this.present.length;
    while (top > 0 && this.present[top - 1] !== 1) top -= 1;
    writer.numbers([this.dimensions, SKETCH_DIMENSIONS, this.count, this.trainedAt, this.partitions === undefined ? 0 : 1, top]);
    writer.numbers(this.projectionProbe());
    writer.int8(this.data.subarray(0, top * this.dimensions));
    writer.float32(this.scales.subarray(0, top));
    writer.float32(this.sketches.subarray(0, top * SKETCH_DIMENSIONS));
    writer.uint8(this.present.subarray(0, top));
    this.partitions?.writeSnapshot(writer);
  }

  static readSnapshot(reader: SnapshotReader, options: VectorIndexOptions = DEFAULT_VECTOR_OPTIONS): VectorIndex {
    const [dimensions, sketchDimensions, count, trainedAt, partitioned, top] = reader.numbers(6) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    if (sketchDimensions !== SKETCH_DIMENSIONS || !Number.isInteger(dimensions) || dimensions < 1)
      throw new IndexSnapshotError('the snapshot holds vectors of another shape');
    const index = new VectorIndex(dimensions, options);
    const probe = index.projectionProbe();
    if (reader.numbers(probe.length).some((v, i) => v !== probe[i]))
      throw new IndexSnapshotError('the snapshot was sketched with another projection');
    const data = reader.int8();
    const scales = reader.float32();
    const sketches = reader.float32();
    const present = reader.uint8();
    if (data.length !== top * dimensions || scales.length !== top || sketches.length !== top * SKETCH_DIMENSIONS || present.length !== top)
      throw new IndexSnapshotError('vector arrays disagree in length');
    let live = 0;
    for (let s = 0; s < top; s++) live += present[s] === 1 ? 1 : 0;
    if (live !== count) throw new IndexSnapshotError('the vector count disagrees with its slots');
    index.data = data;
    index.scales = scales;
    index.sketches = sketches;
    index.present = present;
    index.count = count;
    index.dirty = true;
    index.trainedAt = trainedAt;
    if (partitioned === 1) {
      index.partitions = IvfPartitions.readSnapshot(reader, sketches);
      for (let s = 0; s < top; s++)
        if ((present[s] === 1) !== index.partitions.has(s)) throw new IndexSnapshotError('IVF partitions disagree with the vectors');
    }
    return index;
  }

  private dot(query: Float32Array, slot: number): number {
    const data = this.data;
    const base = slot * this.dimensions;
    let a = 0;
    let b = 0;
    let i = 0;
    for (; i + 1 < this.dimensions; i += 2) {
      a += (query[i] as number) * (data[base + i] as number);
      b += (query[i + 1] as number) * (data[base + i + 1] as number);
    }
    if (i < this.dimensions) a += (query[i] as number) * (data[base + i] as number);
    return (a + b) * (this.scales[slot] as number);
  }

  /** Cosine similarity of `query` (unit length) with each slot that has a vector. */
  scoreSlots(query: Float32Array, slots: readonly number[]): Map<number, number> {
    const out = new Map<number, number>();
    for (const slot of slots) if (this.present[slot] === 1) out.set(slot, this.dot(query, slot));
    return out;
  }

  private slots(): number[] {
    if (this.dirty) {
      this.liveSlots = [];
      for (let s = 0; s < this.present.length; s++) if (this.present[s] === 1) this.liveSlots.push(s);
      this.dirty = false;
    }
    return this.liveSlots;
  }

  /**
   * The `size` best slots by sketch similarity: one tight pass over the contiguous sketches with a
   * typed min-heap, since this loop is the hot path of every search on a large collection.
   */
  private sketchScan(sketch: Float32Array, size: number, accept?: (slot: number) => boolean, lists?: readonly PartitionList[]): number[] {
    const heapSlots = new Int32Array(size);
    const heapScores = new Float32Array(size);
    let filled = 0;
    const sketches = this.sketches;
    const present = this.present;
    const swap = (a: number, b: number) => {
      const ts = heapScores[a] as number;
      const tl = heapSlots[a] as number;
      heapScores[a] = heapScores[b] as number;
      heapSlots[a] = heapSlots[b] as number;
      heapScores[b] = ts;
      heapSlots[b] = tl;
    };
    // `insert` returns the new admission floor, so the hot loops keep it in a local variable.
    const insert = (slot: number, score: number): number => {
      if (accept !== undefined && !accept(slot)) return filled === size ? (heapScores[0] as number) : -Infinity;
      let i: number;
      if (filled < size) {
        i = filled++;
        heapScores[i] = score;
        heapSlots[i] = slot;
        while (i > 0) {
          const parent = (i - 1) >> 1;
          if ((heapScores[parent] as number) <= (heapScores[i] as number)) break;
          swap(i, parent);
          i = parent;
        }
      } else {
        heapScores[0] = score;
        heapSlots[0] = slot;
        i = 0;
        for (;;) {
          const l = 2 * i + 1;
          const r = l + 1;
          let m = i;
          if (l < filled && (heapScores[l] as number) < (heapScores[m] as number)) m = l;
          if (r < filled && (heapScores[r] as number) < (heapScores[m] as number)) m = r;
          if (m === i) break;
          swap(i, m);
          i = m;
        }
      }
      return filled === size ? (heapScores[0] as number) : -Infinity;
    };
    let floor = -Infinity;
    // The dot products stay inline in these loops: they run once per stored vector.
    if (lists === undefined) {
      for (let slot = 0; slot < present.length; slot++) {
        if (present[slot] !== 1) continue;
        const score = sketchDot(sketch, sketches, slot * SKETCH_DIMENSIONS);
        if (score > floor) floor = insert(slot, score);
      }
    } else {
      // Each partition keeps its own contiguous copy of its members' sketches.
      for (const list of lists) {
        const { slots, sketches: copies, length } = list;
        for (let i = 0; i < length; i++) {
          const score = sketchDot(sketch, copies, i * SKETCH_DIMENSIONS);
          if (score > floor) floor = insert(slots[i] as number, score);
        }
      }
    }
    return Array.from(heapSlots.subarray(0, filled));
  }

  /** Whether the next search over `slots` trains partitions: a large collection, doubled since the last training. */
  private partitionsDue(slots: readonly number[]): boolean {
    return slots.length >= PARTITION_LIMIT && (this.partitions === undefined || slots.length >= this.trainedAt * 2);
  }

  /** The training sample (evenly spaced slots) and partition count for `slots`. */
  private trainingInput(slots: readonly number[]): { sample: Float32Array[]; count: number } {
    const step = Math.max(1, Math.floor(slots.length / TRAINING_SAMPLE));
    const sample: Float32Array[] = [];
    for (let i = 0; i < slots.length; i += step) {
      const slot = slots[i] as number;
      // Copies: a stepwise training must not see a sketch change under it.
      sample.push(this.sketches.slice(slot * SKETCH_DIMENSIONS, (slot + 1) * SKETCH_DIMENSIONS));
    }
    return { sample, count: Math.min(1024, Math.round(Math.sqrt(slots.length))) };
  }

  /** Partitions for large collections, (re)trained when the collection has doubled since. */
  private partitionsFor(slots: readonly number[]): IvfPartitions | undefined {
    if (slots.length < PARTITION_LIMIT) return undefined;
    if (!this.partitionsDue(slots)) return this.partitions;
    const { sample, count } = this.trainingInput(slots);
    const partitions = IvfPartitions.train(sample, SKETCH_DIMENSIONS, count);
    for (const slot of slots) partitions.assign(slot, this.sketches);
    this.partitions = partitions;
    this.trainedAt = slots.length;
    return partitions;
  }

  /**
   * Trains the partitions now if the next search would (a large collection that has doubled since
   * they were trained), so that cost falls where the caller chooses, e.g. before a snapshot.
   */
  preparePartitions(): void {
    this.partitionsFor(this.slots());
  }

  /**
   * `preparePartitions` in short steps, for a UI thread that yields between them: the same
   * training, and the index stays usable (and changeable) in between. Vectors set or removed
   * meanwhile are filed or dropped before the new partitions replace the old; if a search trained
   * partitions meanwhile, those stay.
   */
  *preparePartitionsInSteps(slotsPerStep = 2048): Generator<void, void> {
    const slots = [...this.slots()];
    if (!this.partitionsDue(slots) || this.changedWhileTraining !== undefined) return;
    const before = this.partitions;
    const changed = new Set<number>();
    this.changedWhileTraining = changed;
    try {
      const { sample, count } = this.trainingInput(slots);
      const partitions = yield* IvfPartitions.training(sample, SKETCH_DIMENSIONS, count);
      for (let i = 0; i < slots.length; i++) {
        partitions.assign(slots[i] as number, this.sketches);
        if ((i + 1) % slotsPerStep === 0) yield;
      }
      if (this.partitions !== before) return;
      for (const slot of changed) {
        if (this.present[slot] === 1) partitions.assign(slot, this.sketches);
        else partitions.remove(slot);
      }
      this.partitions = partitions;
      this.trainedAt = slots.length;
    } finally {
      this.changedWhileTraining = undefined;
    }
  }

  /** Nearest neighbours: [slot, similarity], best first. */
  search(query: Float32Array, limit: number, accept?: (slot: number) => boolean): [number, number][] {
    const slots = this.slots();
    if (slots.length <= EXACT_SCAN_LIMIT) return bestOf(slots, limit, (slot) => this.dot(query, slot), accept);
    const sketch = new Float32Array(SKETCH_DIMENSIONS);
    this.sketchInto(query, sketch, 0);
    const partitions = this.partitionsFor(slots);
    const pool = Math.max(limit * 2, this.options.rerankPool);
    const approximate =
      partitions === undefined
        ? this.sketchScan(sketch, pool, accept)
        : this.sketchScan(
            sketch,
            pool,
            accept,
            partitions.nearestCovering(sketch, Math.max(this.options.scanShare, PARTITION_LIMIT / slots.length), 8),
          );
    return bestOf(approximate, limit, (slot) => this.dot(query, slot));
  }
}

/** Inner product of a query sketch with the sketch at `base`, unrolled: the hottest loop of a search. */
function sketchDot(q: Float32Array, data: Float32Array, base: number): number {
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  for (let j = 0; j < SKETCH_DIMENSIONS; j += 4) {
    a += (q[j] as number) * (data[base + j] as number);
    b += (q[j + 1] as number) * (data[base + j + 1] as number);
    c += (q[j + 2] as number) * (data[base + j + 2] as number);
    d += (q[j + 3] as number) * (data[base + j + 3] as number);
  }
  return a + b + c + d;
}

/** The `limit` best slots by `score`, best first; keeps a buffer and prunes by a rising floor. */
function bestOf(
  slots: readonly number[],
  limit: number,
  score: (slot: number) => number,
  accept?: (slot: number) => boolean,
): [number, number][] {
  const best: [number, number][] = [];
  let floor = -Infinity;
  for (const slot of slots) {
    const s = score(slot);
    if (best.length >= limit && s <= floor) continue;
    if (accept !== undefined && !accept(slot)) continue;
    best.push([slot, s]);
    if (best.length >= limit * 4) {
      best.sort((a, b) => b[1] - a[1]);
      best.length = limit;
      floor = (best[limit - 1] as [number, number])[1];
    }
  }
  best.sort((a, b) => b[1] - a[1]);
  if (best.length > limit) best.length = limit;
  return best;
}
