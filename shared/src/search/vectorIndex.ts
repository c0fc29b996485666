/**
 * Dense vectors by slot (the same slots as the lexical indexes), compared by cosine similarity
 * of unit vectors. Small collections are scanned exactly. Large ones are first scanned in a
 * 64-dimensional random projection (Johnson–Lindenstrauss: inner products are roughly kept at an
 * eighth of the cost, with no training step and O(1) updates), and the best few hundred are then
 * rescored exactly.
 */

const SKETCH_DIMENSIONS = 64;
/** Below this many vectors an exact scan is already cheap. */
const EXACT_SCAN_LIMIT = 4096;

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

export function normalise(vector: ArrayLike<number>): Float32Array {
  const out = Float32Array.from(vector);
  let norm = 0;
  for (const x of out) norm += x * x;
  const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) * inv;
  return out;
}

export class VectorIndex {
  private data = new Float32Array(0);
  private sketches = new Float32Array(0);
  private present = new Uint8Array(0);
  private count = 0;
  private liveSlots: number[] = [];
  private dirty = false;
  private readonly projection: Float32Array;

  constructor(readonly dimensions: number) {
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
    const data = new Float32Array(next * this.dimensions);
    data.set(this.data);
    this.data = data;
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
    this.data.set(unit, slot * this.dimensions);
    this.sketchInto(unit, this.sketches, slot * SKETCH_DIMENSIONS);
    if (this.present[slot] !== 1) {
      this.present[slot] = 1;
      this.count += 1;
      this.dirty = true;
    }
  }

  remove(slot: number): void {
    if (this.present[slot] !== 1) return;
    this.present[slot] = 0;
    this.count -= 1;
    this.dirty = true;
  }

  private dot(query: Float32Array, slot: number): number {
    const data = this.data;
    const base = slot * this.dimensions;
    let s = 0;
    for (let i = 0; i < this.dimensions; i++) s += (query[i] as number) * (data[base + i] as number);
    return s;
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

  /** Nearest neighbours: [slot, similarity], best first. */
  search(query: Float32Array, limit: number, accept?: (slot: number) => boolean): [number, number][] {
    const slots = this.slots();
    if (slots.length <= EXACT_SCAN_LIMIT) return bestOf(slots, limit, (slot) => this.dot(query, slot), accept);
    const sketch = new Float32Array(SKETCH_DIMENSIONS);
    this.sketchInto(query, sketch, 0);
    const sketches = this.sketches;
    const approximate = bestOf(
      slots,
      Math.max(limit * 8, 1024),
      (slot) => {
        const base = slot * SKETCH_DIMENSIONS;
        let s = 0;
        for (let j = 0; j < SKETCH_DIMENSIONS; j++) s += (sketch[j] as number) * (sketches[base + j] as number);
        return s;
      },
      accept,
    );
    return bestOf(
      approximate.map(([slot]) => slot),
      limit,
      (slot) => this.dot(query, slot),
    );
  }
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
