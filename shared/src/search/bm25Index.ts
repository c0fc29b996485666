/**
 * An in-memory BM25F inverted index over chunks, with three fields (title, section path, body).
 * Entries are addressed by dense integer slots owned by the caller, so a vector index can share
 * them; removals are tombstones, compacted when they pile up. `writeSnapshot` / `readSnapshot`
 * save and restore it as typed arrays (live postings only), for a client that must not rebuild it.
 */
import { IndexSnapshotError } from './snapshot/snapshotFormat.js';
import type { SnapshotReader } from './snapshot/snapshotReader.js';
import type { SnapshotWriter } from './snapshot/snapshotWriter.js';

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

/** Every live entry of a restored index, term after term; `terms` maps each still-packed term to its range. */
interface PackedPostings {
  terms: Map<string, number>;
  offsets: Uint32Array;
  slots: Int32Array;
  gens: Uint32Array;
  tfs: Int32Array;
  impacts: Float32Array;
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
  /**
   * Postings restored from a snapshot, still packed: a term gets its own Postings (views of these
   * arrays) when it is first looked up, so a restore creates no object per term.
   */
  private packed: PackedPostings | undefined;
  /**
   * A restored index knows its slots' terms only through the postings; the first removal of a
   * restored slot indexes them by slot (built once, lazily, so restoring stays fast).
   */
  private restored = false;
  private restoredTerms: { offsets: Int32Array; termIds: Int32Array; terms: string[] } | undefined;

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
      let p = this.postingsOf(term);
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
      const p = this.postingsOf(term) as Postings;
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
    if (this.packed !== undefined) {
      const { slots, tfs, impacts } = this.packed;
      for (const [start, end] of this.packedRanges())
        for (let i = start; i < end; i++) impacts[i] = this.impact(slots[i] as number, tfs[i] as number);
    }
  }

  remove(slot: number): void {
    if (this.alive[slot] !== 1) return;
    // Read before the slot is retired: a restored slot's terms are found through its live entries.
    const terms = this.termsBySlot[slot] ?? this.restoredTermsOf(slot);
    this.alive[slot] = 0;
    // Entries carry the generation they were added under: bumping it retires them all at once.
    this.generation[slot] = ((this.generation[slot] as number) + 1) >>> 0;
    this.liveCount -= 1;
    this.tombstones += 1;
    this.totals.title -= this.lengths[slot * 3] ?? 0;
    this.totals.section -= this.lengths[slot * 3 + 1] ?? 0;
    this.totals.body -= this.lengths[slot * 3 + 2] ?? 0;
    for (const term of terms) {
      const p = this.postingsOf(term);
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

  /** A term's postings, unpacking them on first use after a restore. */
  private postingsOf(term: string): Postings | undefined {
    const p = this.postings.get(term);
    if (p !== undefined || this.packed === undefined) return p;
    const packed = this.packed;
    const t = packed.terms.get(term);
    if (t === undefined) return undefined;
    packed.terms.delete(term);
    const start = packed.offsets[t] as number;
    const end = packed.offsets[t + 1] as number;
    const unpacked: Postings = {
      length: end - start,
      slots: packed.slots.subarray(start, end),
      gens: packed.gens.subarray(start, end),
      tfs: packed.tfs.subarray(start, end),
      impacts: packed.impacts.subarray(start, end),
      live: end - start,
    };
    this.postings.set(term, unpacked);
    return unpacked;
  }

  /**
   * [start, end) of each still-packed term. Those were never touched since the restore (adding or
   * removing a slot unpacks each of its terms first), so every entry in them is live.
   */
  private *packedRanges(): Generator<[number, number, string]> {
    if (this.packed === undefined) return;
    const { terms, offsets } = this.packed;
    for (const [term, t] of terms) yield [offsets[t] as number, offsets[t + 1] as number, term];
  }

  /** The terms of a slot restored from a snapshot and never re-added since (only those lack `termsBySlot`). */
  private restoredTermsOf(slot: number): string[] {
    if (!this.restored) return [];
    this.restoredTerms ??= this.indexRestoredTerms();
    const { offsets, termIds, terms } = this.restoredTerms;
    const out: string[] = [];
    if (slot + 1 >= offsets.length) return out;
    for (let i = offsets[slot] as number; i < (offsets[slot + 1] as number); i++) out.push(terms[termIds[i] as number] as string);
    return out;
  }

  /** Slot → terms for every live slot without `termsBySlot`, from the live postings (two passes over typed arrays). */
  private indexRestoredTerms(): { offsets: Int32Array; termIds: Int32Array; terms: string[] } {
    const terms: string[] = [];
    const ranges: { slots: Int32Array; gens: Uint32Array; start: number; end: number }[] = [];
    for (const [term, p] of this.postings) {
      terms.push(term);
      ranges.push({ slots: p.slots, gens: p.gens, start: 0, end: p.length });
    }
    const packed = this.packed;
    if (packed !== undefined)
      for (const [start, end, term] of this.packedRanges()) {
        terms.push(term);
        ranges.push({ slots: packed.slots, gens: packed.gens, start, end });
      }
    const offsets = new Int32Array(this.alive.length + 1);
    const generation = this.generation;
    const untracked = (slot: number, gen: number) => gen === generation[slot] && this.termsBySlot[slot] === undefined;
    for (const { slots, gens, start, end } of ranges)
      for (let i = start; i < end; i++) {
        const slot = slots[i] as number;
        if (untracked(slot, gens[i] as number)) offsets[slot + 1] = (offsets[slot + 1] as number) + 1;
      }
    for (let s = 1; s < offsets.length; s++) offsets[s] = (offsets[s] as number) + (offsets[s - 1] as number);
    const termIds = new Int32Array(offsets[offsets.length - 1] as number);
    const next = offsets.slice(0, -1);
    ranges.forEach(({ slots, gens, start, end }, t) => {
      for (let i = start; i < end; i++) {
        const slot = slots[i] as number;
        if (untracked(slot, gens[i] as number)) termIds[(next[slot] as number)++] = t;
      }
    });
    return { offsets, termIds, terms };
  }

  /**
   * Appends this index to a snapshot: parameters, per-slot arrays and the live postings (tombstoned
   * entries are left out, so a restored index starts compacted). Synchronous: nothing changes
   * between the first section and the last.
   */
  writeSnapshot(writer: SnapshotWriter): void {
    let top = this.alive.length;
    while (top > 0 && this.alive[top - 1] !== 1) top -= 1;
    const { k1, weights, b } = this.params;
    const { totals, normAverages: avg } = this;
    writer.numbers([k1, weights.title, weights.section, weights.body, b.title, b.section, b.body]);
    writer.numbers([this.liveCount, totals.title, totals.section, totals.body, avg.title, avg.section, avg.body, top]);
    writer.uint8(this.alive.subarray(0, top));
    writer.uint32(this.generation.subarray(0, top));
    writer.float32(this.lengths.subarray(0, top * 3));
    writer.float32(this.norms.subarray(0, top * 3));
    const packed = this.packed;
    const terms: string[] = [];
    let entries = 0;
    for (const [term, p] of this.postings) {
      if (p.live === 0) continue;
      terms.push(term);
      entries += p.live;
    }
    if (packed !== undefined)
      for (const [term, t] of packed.terms) {
        terms.push(term);
        entries += (packed.offsets[t + 1] as number) - (packed.offsets[t] as number);
      }
    const counts = new Uint32Array(terms.length);
    const slots = new Int32Array(entries);
    const tfs = new Int32Array(entries);
    const impacts = new Float32Array(entries);
    let at = 0;
    let t = 0;
    // A run with no tombstones is copied whole; most runs are short, and a loop beats three views.
    const copy = (from: { slots: Int32Array; tfs: Int32Array; impacts: Float32Array }, start: number, end: number) => {
      if (end - start > 32) {
        slots.set(from.slots.subarray(start, end), at);
        tfs.set(from.tfs.subarray(start, end), at);
        impacts.set(from.impacts.subarray(start, end), at);
        at += end - start;
      } else
        for (let i = start; i < end; i++, at++) {
          slots[at] = from.slots[i] as number;
          tfs[at] = from.tfs[i] as number;
          impacts[at] = from.impacts[i] as number;
        }
      counts[t++] = end - start;
    };
    for (const p of this.postings.values()) {
      if (p.live === 0) continue;
      if (p.live === p.length) {
        copy(p, 0, p.length);
        continue;
      }
      const start = at;
      for (let i = 0; i < p.length; i++) {
        const slot = p.slots[i] as number;
        if (p.gens[i] !== this.generation[slot]) continue;
        slots[at] = slot;
        tfs[at] = p.tfs[i] as number;
        impacts[at] = p.impacts[i] as number;
        at += 1;
      }
      if (at - start !== p.live) throw new Error('BM25 postings disagree with their live count');
      counts[t++] = p.live;
    }
    if (packed !== undefined)
      for (const index of packed.terms.values()) copy(packed, packed.offsets[index] as number, packed.offsets[index + 1] as number);
    writer.strings(terms);
    writer.uint32(counts);
    writer.int32(slots);
    writer.int32(tfs);
    writer.float32(impacts);
  }

  /** An index equal to the one that wrote the snapshot (same scores, same order, same behaviour after further changes). */
  static readSnapshot(reader: SnapshotReader, params: Bm25Params = DEFAULT_BM25): Bm25Index {
    const { k1, weights, b } = params;
    const stored = reader.numbers(7);
    if ([k1, weights.title, weights.section, weights.body, b.title, b.section, b.body].some((v, i) => v !== stored[i]))
      throw new IndexSnapshotError('the snapshot was built with other BM25 parameters');
    const [liveCount, tt, ts, tb, at, as, ab, top] = reader.numbers(8) as [number, number, number, number, number, number, number, number];
    const index = new Bm25Index(params);
    const alive = reader.uint8();
    const generation = reader.uint32();
    const lengths = reader.float32();
    const norms = reader.float32();
    if (alive.length !== top || generation.length !== top || lengths.length !== top * 3 || norms.length !== top * 3)
      throw new IndexSnapshotError('BM25 slot arrays disagree in length');
    let live = 0;
    for (let s = 0; s < top; s++) live += alive[s] === 1 ? 1 : 0;
    if (live !== liveCount) throw new IndexSnapshotError('BM25 live count disagrees with its slots');
    const terms = reader.strings();
    const counts = reader.uint32();
    const slots = reader.int32();
    const tfs = reader.int32();
    const impacts = reader.float32();
    const entries = slots.length;
    if (counts.length !== terms.length || tfs.length !== entries || impacts.length !== entries)
      throw new IndexSnapshotError('BM25 postings disagree in length');
    // Every restored entry is live, so it carries its slot's current generation.
    const gens = new Uint32Array(entries);
    for (let i = 0; i < entries; i++) {
      const slot = slots[i] as number;
      if (slot < 0 || slot >= top || alive[slot] !== 1) throw new IndexSnapshotError('a BM25 posting names a missing slot');
      gens[i] = generation[slot] as number;
    }
    const offsets = new Uint32Array(terms.length + 1);
    const byTerm = new Map<string, number>();
    for (let t = 0; t < terms.length; t++) {
      const n = counts[t] as number;
      offsets[t + 1] = (offsets[t] as number) + n;
      byTerm.set(terms[t] as string, t);
      if (n === 0) throw new IndexSnapshotError('BM25 postings are inconsistent');
    }
    if (offsets[terms.length] !== entries || byTerm.size !== terms.length) throw new IndexSnapshotError('BM25 postings are inconsistent');
    index.packed = { terms: byTerm, offsets, slots, gens, tfs, impacts };
    index.alive = alive;
    index.generation = generation;
    index.lengths = lengths;
    index.norms = norms;
    index.liveCount = liveCount;
    index.totals = { title: tt, section: ts, body: tb };
    index.normAverages = { title: at, section: as, body: ab };
    index.scores = new Float64Array(top);
    index.restored = true;
    return index;
  }

  /** Inverse document frequency (BM25+ style, never negative). */
  idf(term: string): number {
    const df = this.postingsOf(term)?.live ?? 0;
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
      const common = [...queryCounts.keys()].filter((t) => (this.postingsOf(t)?.live ?? 0) > this.liveCount * 0.25);
      if (common.length < queryCounts.size) for (const t of common) queryCounts.delete(t);
    }
    const scores = this.scores;
    let touched = this.touched;
    let touchedCount = 0;
    for (const [term, qtf] of queryCounts) {
      const p = this.postingsOf(term);
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
