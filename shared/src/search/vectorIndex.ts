/**
 * Dense vectors by slot (the same slots as the lexical index), compared by cosine similarity of
 * unit vectors. Exact scan; `scoreSlots` rescoring of a candidate pool is the cheap path used
 * by hybrid search.
 */

export class VectorIndex {
  private data = new Float32Array(0);
  private present = new Uint8Array(0);
  private count = 0;
  private slotsWithVector: number[] = [];
  private dirty = false;

  constructor(readonly dimensions: number) {}

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
    const present = new Uint8Array(next);
    present.set(this.present);
    this.present = present;
  }

  /** Stores `vector` normalised to unit length. */
  set(slot: number, vector: ArrayLike<number>): void {
    if (vector.length !== this.dimensions) throw new Error(`expected ${this.dimensions} dimensions, got ${vector.length}`);
    this.ensureCapacity(slot);
    this.data.set(normalise(vector), slot * this.dimensions);
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

  vectorOf(slot: number): Float32Array | undefined {
    if (this.present[slot] !== 1) return undefined;
    return this.data.subarray(slot * this.dimensions, (slot + 1) * this.dimensions);
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

  /** Exact nearest neighbours: [slot, similarity], best first. */
  search(query: Float32Array, limit: number, accept?: (slot: number) => boolean): [number, number][] {
    if (this.dirty) {
      this.slotsWithVector = [];
      for (let s = 0; s < this.present.length; s++) if (this.present[s] === 1) this.slotsWithVector.push(s);
      this.dirty = false;
    }
    const best: [number, number][] = [];
    let floor = -Infinity;
    for (const slot of this.slotsWithVector) {
      const score = this.dot(query, slot);
      if (best.length >= limit && score <= floor) continue;
      if (accept !== undefined && !accept(slot)) continue;
      best.push([slot, score]);
      if (best.length > limit * 4) {
        best.sort((a, b) => b[1] - a[1]);
        best.length = limit;
        floor = (best[limit - 1] as [number, number])[1];
      }
    }
    best.sort((a, b) => b[1] - a[1]);
    if (best.length > limit) best.length = limit;
    return best;
  }
}

export function normalise(vector: ArrayLike<number>): Float32Array {
  const out = Float32Array.from(vector);
  let norm = 0;
  for (const x of out) norm += x * x;
  const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) * inv;
  return out;
}
