/**
 * An in-memory BM25F inverted index over chunks, with three fields (title, section path, body).
 * Entries are addressed by dense integer slots owned by the caller, so a vector index can share
 * them; removals are tombstones, compacted when they pile up.
 */

export interface Bm25Fields {
  title: readonly string[];
  section: readonly string[];
  body: readonly string[];
}

export interface Bm25Params {
  k1: number;
  weights: { title: number; section: number; body: number };
  b: { title: number; section: number; body: number };
}

export const DEFAULT_BM25: Bm25Params = {
  k1: 1.2,
  weights: { title: 2.5, section: 1.5, body: 1 },
  b: { title: 0.3, section: 0.3, body: 0.75 },
};

/**
 * One term's entries in growable typed arrays (a search walks them in a tight loop).
 */
interface Postings {
  length: number;
  slots: Int32Array;
  /** The slot's generation when the entry was added: removed or reused slots fail the check. */
  gens: Uint32Array;
  /** title tf << 20 | section tf << 10 | body tf, each capped at 1023. */
  tfs: Int32Array;
  /** tf / (k1 + tf) with the field weights and length norms applied: the query-independent part of the score. */
  impacts: Float32Array;
  /** Live entries (slots minus tombstoned ones). */
  live: number;
}

function newPostings(capacity = 4): Postings {
  return {
    length: 0,
    slots: new Int32Array(capacity),
    gens: new Uint32Array(capacity),
    tfs: new Int32Array(capacity),
    impacts: new Float32Array(capacity),
    live: 0,
  };
}

function grow(p: Postings): void {
  const capacity = p.slots.length * 2;
  const slots = new Int32Array(capacity);
  slots.set(p.slots);
  const gens = new Uint32Array(capacity);
  gens.set(p.gens);
  const tfs = new Int32Array(capacity);
  tfs.set(p.tfs);
  const impacts = new Float32Array(capacity);
  impacts.set(p.impacts);
  Object.assign(p, { slots, gens, tfs, impacts });
}

const CAP = 1023;
/** Entries above which very common query terms are skipped for speed. */
const LARGE_INDEX = 20_000;

function termCounts(terms: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

export class Bm25Index {
  private readonly postings = new Map<string, Postings>();
  private lengths = new Float32Array(0);
  /** Per slot and field, w / (1 - b + b * length / average length): the length normalisation, precomputed. */
  private norms = new Float32Array(0);
  /** Averages the norms were computed with; they are recomputed when the averages drift. */
  private normAverages = { title: 0, section: 0, body: 0 };
  private alive = new Uint8Array(0);
  private generation = new Uint32Array(0);
  private termsBySlot: (string[] | undefined)[] = [];
  private liveCount = 0;
  private tombstones = 0;
  private totals = { title: 0, section: 0, body: 0 };
  private scores = new Float64Array(0);
  /** Slots with a non-zero score in the current search (reused between searches). */
  private touched = new Int32Array(1024);

  constructor(private readonly params: Bm25Params = DEFAULT_BM25) {}

  get size(): number {
    return this.liveCount;
  }

  private ensureCapacity(slot: number): void {
    if (slot < this.alive.length) return;
    const capacity = Math.max(1024, this.alive.length * 2, slot + 1);
    const lengths = new Float32Array(capacity * 3);
    lengths.set(this.lengths);
    this.lengths = lengths;
    const norms = new Float32Array(capacity * 3);
    norms.set(this.norms);
    this.norms = norms;
    const alive = new Uint8Array(capacity);
    alive.set(this.alive);
    this.alive = alive;
    const generation = new Uint32Array(capacity);
    generation.set(this.generation);
    this.generation = generation;
    this.scores = new Float64Array(capacity);
  }

  add(slot: number, fields: Bm25Fields): void {
    if (this.alive[slot] === 1) this.remove(slot);
    this.ensureCapacity(slot);
    const gen = ((this.generation[slot] as number) + 1) >>> 0;
    this.generation[slot] = gen;
    const title = termCounts(fields.title);
    const section = termCounts(fields.section);
    const body = termCounts(fields.body);
    const all = new Set([...title.keys(), ...section.keys(), ...body.keys()]);
    for (const term of all) {
      let p = this.postings.get(term);
      if (p === undefined) {
        p = newPostings();
        this.postings.set(term, p);
      }
      if (p.length === p.slots.length) grow(p);
      const tf =
        (Math.min(title.get(term) ?? 0, CAP) << 20) | (Math.min(section.get(term) ?? 0, CAP) << 10) | Math.min(body.get(term) ?? 0, CAP);
      p.slots[p.length] = slot;
      p.gens[p.length] = gen;
      p.tfs[p.length] = tf;
      p.length += 1;
      p.live += 1;
    }
    this.termsBySlot[slot] = [...all];
    this.lengths[slot * 3] = fields.title.length;
    this.lengths[slot * 3 + 1] = fields.section.length;
    this.lengths[slot * 3 + 2] = fields.body.length;
    this.totals.title += fields.title.length;
    this.totals.section += fields.section.length;
    this.totals.body += fields.body.length;
    this.alive[slot] = 1;
    this.liveCount += 1;
    this.setNorms(slot);
    for (const term of all) {
      const p = this.postings.get(term) as Postings;
      p.impacts[p.length - 1] = this.impact(slot, p.tfs[p.length - 1] as number);
    }
  }

  /** tf / (k1 + tf) of one entry, with the slot's precomputed field weights and length norms. */
  private impact(slot: number, packed: number): number {
    const norms = this.norms;
    const base = slot * 3;
    const tf =
      (packed >>> 20) * (norms[base] as number) +
      ((packed >>> 10) & CAP) * (norms[base + 1] as number) +
      (packed & CAP) * (norms[base + 2] as number);
    return tf / (this.params.k1 + tf);
  }

  private averages() {
    const n = Math.max(this.liveCount, 1);
    return {
      title: Math.max(this.totals.title / n, 1e-6),
      section: Math.max(this.totals.section / n, 1e-6),
      body: Math.max(this.totals.body / n, 1e-6),
    };
  }

  private setNorms(slot: number): void {
    const { weights, b } = this.params;
    const avg = this.normAverages;
    const base = slot * 3;
    this.norms[base] = weights.title / (1 - b.title + (b.title * (this.lengths[base] as number)) / Math.max(avg.title, 1e-6));
    this.norms[base + 1] =
      weights.section / (1 - b.section + (b.section * (this.lengths[base + 1] as number)) / Math.max(avg.section, 1e-6));
    this.norms[base + 2] = weights.body / (1 - b.body + (b.body * (this.lengths[base + 2] as number)) / Math.max(avg.body, 1e-6));
  }

  /** Recomputes every norm when an average length has drifted more than 5% since they were computed. */
  private refreshNorms(): void {
    const now = this.averages();
    const drifted = (a: number, b: number) => Math.abs(a - b) > 0.05 * Math.max(a, b);
    const then = this.normAverages;
    if (!drifted(now.title, then.title) && !drifted(now.section, then.section) && !drifted(now.body, then.body)) return;
    this.normAverages = now;
    for (let slot = 0; slot < this.alive.length; slot++) if (this.alive[slot] === 1) this.setNorms(slot);
    for (const p of this.postings.values())
      for (let i = 0; i < p.length; i++) p.impacts[i] = this.impact(p.slots[i] as number, p.tfs[i] as number);
  }

  remove(slot: number): void {
    if (this.alive[slot] !== 1) return;
    this.alive[slot] = 0;
    // Entries carry the generation they were added under: bumping it retires them all at once.
    this.generation[slot] = ((this.generation[slot] as number) + 1) >>> 0;
    this.liveCount -= 1;
    this.tombstones += 1;
    this.totals.title -= this.lengths[slot * 3] ?? 0;
    this.totals.section -= this.lengths[slot * 3 + 1] ?? 0;
    this.totals.body -= this.lengths[slot * 3 + 2] ?? 0;
    for (const term of this.termsBySlot[slot] ?? []) {
      const p = this.postings.get(term);
      if (p !== undefined) p.live -= 1;
    }
    this.termsBySlot[slot] = undefined;
    if (this.tombstones > 1000 && this.tombstones > this.liveCount / 3) this.compact();
  }

  /** Drops tombstoned postings (and empty terms) so scans stay proportional to live entries. */
  private compact(): void {
    for (const [term, p] of this.postings) {
      if (p.live === 0) {
        this.postings.delete(term);
        continue;
      }
      let kept = 0;
      for (let i = 0; i < p.length; i++) {
        const slot = p.slots[i] as number;
        if (this.alive[slot] !== 1 || p.gens[i] !== this.generation[slot]) continue;
        p.slots[kept] = slot;
        p.gens[kept] = p.gens[i] as number;
        p.tfs[kept] = p.tfs[i] as number;
        p.impacts[kept] = p.impacts[i] as number;
        kept += 1;
      }
      p.length = kept;
    }
    this.tombstones = 0;
  }

  /** Inverse document frequency (BM25+ style, never negative). */
  idf(term: string): number {
    const df = this.postings.get(term)?.live ?? 0;
    return Math.log(1 + (this.liveCount - df + 0.5) / (df + 0.5));
  }

  /**
   * Scores every live slot containing a query term; returns the best `limit` as [slot, score],
   * best first. `accept` filters slots (tenant metadata filters) before they count.
   */
  search(queryTerms: readonly string[], limit: number, accept?: (slot: number) => boolean): [number, number][] {
    if (this.liveCount === 0 || queryTerms.length === 0) return [];
    this.refreshNorms();
    const queryCounts = termCounts(queryTerms);
    // In a large index, terms found in a quarter of all entries barely move the ranking (their idf
    // is near its floor) but cost a scan of a quarter of the index each: drop them when the query
    // has rarer terms. Small indexes keep every term.
    if (this.liveCount > LARGE_INDEX) {
      const common = [...queryCounts.keys()].filter((t) => (this.postings.get(t)?.live ?? 0) > this.liveCount * 0.25);
      if (common.length < queryCounts.size) for (const t of common) queryCounts.delete(t);
    }
    const scores = this.scores;
    let touched = this.touched;
    let touchedCount = 0;
    for (const [term, qtf] of queryCounts) {
      const p = this.postings.get(term);
      if (p === undefined || p.live === 0) continue;
      // Saturate repeated query terms: a ticket repeating "refund" five times is not five times as much about refunds.
      const termWeight = this.idf(term) * (1 + Math.log(qtf));
      const { slots, gens, impacts, length } = p;
      const generation = this.generation;
      for (let i = 0; i < length; i++) {
        const slot = slots[i] as number;
        if (gens[i] !== generation[slot]) continue;
        if (scores[slot] === 0) {
          if (touchedCount === touched.length) {
            const larger = new Int32Array(touched.length * 2);
            larger.set(touched);
            touched = larger;
            this.touched = larger;
          }
          touched[touchedCount++] = slot;
        }
        scores[slot] = (scores[slot] as number) + termWeight * (impacts[i] as number);
      }
    }
    const hits = touched.subarray(0, touchedCount);
    const best = topK(hits, scores, limit, accept);
    for (const slot of hits) scores[slot] = 0;
    return best;
  }
}

/** Selects the `limit` highest-scoring slots with a small min-heap (no full sort of every hit). */
export function topK(
  candidates: ArrayLike<number> & Iterable<number>,
  scores: Float64Array | Float32Array,
  limit: number,
  accept?: (slot: number) => boolean,
): [number, number][] {
  const heap: [number, number][] = [];
  const siftDown = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && (heap[l] as [number, number])[1] < (heap[m] as [number, number])[1]) m = l;
      if (r < heap.length && (heap[r] as [number, number])[1] < (heap[m] as [number, number])[1]) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m] as [number, number], heap[i] as [number, number]];
      i = m;
    }
  };
  const siftUp = (i: number) => {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((heap[parent] as [number, number])[1] <= (heap[i] as [number, number])[1]) return;
      [heap[i], heap[parent]] = [heap[parent] as [number, number], heap[i] as [number, number]];
      i = parent;
    }
  };
  for (const slot of candidates) {
    const score = scores[slot] as number;
    if (heap.length >= limit && score <= (heap[0] as [number, number])[1]) continue;
    if (accept !== undefined && !accept(slot)) continue;
    if (heap.length < limit) {
      heap.push([slot, score]);
      siftUp(heap.length - 1);
    } else {
      heap[0] = [slot, score];
      siftDown(0);
    }
  }
  return heap.sort((a, b) => b[1] - a[1]);
}
