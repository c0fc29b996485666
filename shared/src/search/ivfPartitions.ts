/**
 * Inverted-file partitions over vector sketches: k-means centroids, and per centroid the slots
 * nearest to it. A search scans only the partitions nearest the query (a few percent of the
 * collection) instead of all of it. Trained on a sample, deterministically, in well under a second
 * for 64-dimensional sketches.
 */

export class IvfPartitions {
  readonly centroids: Float32Array;
  private lists: number[][];
  private listOf = new Int32Array(0);

  private constructor(
    readonly dimensions: number,
    readonly count: number,
    centroids: Float32Array,
  ) {
    this.centroids = centroids;
    this.lists = Array.from({ length: count }, () => []);
  }

  /** k-means (k-means++-style spread initialisation, Lloyd iterations) over `sample`. */
  static train(sample: readonly Float32Array[], dimensions: number, count: number, iterations = 8): IvfPartitions {
    const k = Math.max(1, Math.min(count, sample.length));
    const centroids = new Float32Array(k * dimensions);
    // Spread the initial centroids: evenly spaced sample points, deterministic.
    for (let c = 0; c < k; c++) centroids.set(sample[Math.floor((c * sample.length) / k)] as Float32Array, c * dimensions);
    const assignment = new Int32Array(sample.length);
    const sums = new Float64Array(k * dimensions);
    const sizes = new Int32Array(k);
    for (let iteration = 0; iteration < iterations; iteration++) {
      sums.fill(0);
      sizes.fill(0);
      sample.forEach((v, i) => {
        const c = nearestCentroid(centroids, k, dimensions, v, 0);
        assignment[i] = c;
        sizes[c] = (sizes[c] as number) + 1;
        for (let d = 0; d < dimensions; d++) sums[c * dimensions + d] = (sums[c * dimensions + d] as number) + (v[d] as number);
      });
      for (let c = 0; c < k; c++) {
        const size = sizes[c] as number;
        if (size === 0) continue; // An empty partition keeps its centroid.
        for (let d = 0; d < dimensions; d++) centroids[c * dimensions + d] = (sums[c * dimensions + d] as number) / size;
      }
    }
    return new IvfPartitions(dimensions, k, centroids);
  }

  private ensureCapacity(slot: number): void {
    if (slot < this.listOf.length) return;
    const next = Math.max(1024, this.listOf.length * 2, slot + 1);
    const listOf = new Int32Array(next).fill(-1);
    listOf.set(this.listOf);
    this.listOf = listOf;
  }

  /** Files `slot` under the partition nearest to its sketch (sketches stored contiguously). */
  assign(slot: number, sketches: Float32Array): void {
    this.ensureCapacity(slot);
    const list = nearestCentroid(this.centroids, this.count, this.dimensions, sketches, slot * this.dimensions);
    // Re-filing a slot under the partition it is already in would list it twice.
    if (this.listOf[slot] === list) return;
    this.listOf[slot] = list;
    (this.lists[list] as number[]).push(slot);
  }

  remove(slot: number): void {
    if (slot < this.listOf.length) this.listOf[slot] = -1;
  }

  /**
   * The partitions nearest to `sketch`, nearest first, until they hold `share` of all entries
   * (at least `minimum` partitions): k-means partitions are uneven, so counting entries rather
   * than partitions keeps the scanned share, and the cost, predictable.
   */
  nearestCovering(sketch: Float32Array, share: number, minimum: number): number[] {
    const ordered = this.nearest(sketch, this.count);
    let total = 0;
    for (const list of this.lists) total += list.length;
    const out: number[] = [];
    let covered = 0;
    for (const list of ordered) {
      if (out.length >= minimum && covered >= share * total) break;
      out.push(list);
      covered += (this.lists[list] as number[]).length;
    }
    return out;
  }

  /** The `probes` partitions nearest to `sketch`. */
  nearest(sketch: Float32Array, probes: number): number[] {
    const scored: [number, number][] = [];
    for (let c = 0; c < this.count; c++) {
      let s = 0;
      const base = c * this.dimensions;
      for (let d = 0; d < this.dimensions; d++) s += (sketch[d] as number) * (this.centroids[base + d] as number);
      scored.push([c, s]);
    }
    scored.sort((a, b) => b[1] - a[1]);
    return scored.slice(0, probes).map(([c]) => c);
  }

  /** A partition's slots; entries whose slot moved elsewhere or was removed fail `holds`. */
  members(list: number): readonly number[] {
    return this.lists[list] as number[];
  }

  holds(list: number, slot: number): boolean {
    return this.listOf[slot] === list;
  }

  /** Partition of each slot (-1: none), for scans that check membership inline. */
  get assignments(): Int32Array {
    return this.listOf;
  }
}

/** Index of the centroid with the largest inner product with `v` (sketches of unit vectors). */
function nearestCentroid(centroids: Float32Array, count: number, dimensions: number, v: Float32Array, offset: number): number {
  let best = 0;
  let bestScore = -Infinity;
  for (let c = 0; c < count; c++) {
    let s = 0;
    const base = c * dimensions;
    for (let d = 0; d < dimensions; d++) s += (v[offset + d] as number) * (centroids[base + d] as number);
    if (s > bestScore) {
      bestScore = s;
      best = c;
    }
  }
  return best;
}
