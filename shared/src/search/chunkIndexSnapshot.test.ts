/**
 * ChunkIndex.snapshot / ChunkIndex.restore: a restored index answers every query exactly as the
 * original does (hits, order, scores, signals, highlights), with and without query vectors and
 * filters, on a small index and on one large enough to use trained vector partitions; it stays
 * equal while the same adds and removes are applied to both; and a damaged or foreign snapshot is
 * refused rather than restored into a wrong index.
 */
import { describe, expect, it } from 'vitest';
import { ChunkIndex, CHUNK_INDEX_SNAPSHOT_VERSION, type HybridQuery, type IndexableChunk, type IndexableDocument } from './chunkIndex.js';
import { IndexSnapshotError } from './snapshot/snapshotFormat.js';

const WORDS = (
  'refund card payment shipping express parcel courier warranty lamp heater jacket backpack bottle headphones ' +
  'reset password account login invoice billing order return exchange damaged broken replacement store credit ' +
  'voucher delivery tracking address customs battery charger cable screen cleaning instructions size colour ' +
  'rückerstattung reembolso envío garantie livraison 5512 tool_4821 C77'
).split(' ');

function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DIMS = 8;

interface Generated {
  document: IndexableDocument;
  chunks: IndexableChunk[];
  vectors: Float32Array[];
  titleVector: Float32Array;
}

function generator(seed: number) {
  const next = random(seed);
  const pick = () => WORDS[Math.floor(next() * WORDS.length)] as string;
  const sentence = (n: number) => Array.from({ length: n }, pick).join(' ');
  const vector = () => Float32Array.from({ length: DIMS }, () => next() - 0.5);
  return (id: string, version = 1, maxChunks = 4): Generated => {
    const chunkCount = 1 + Math.floor(next() * maxChunks);
    return {
      document: {
        documentId: id,
        sourceId: next() < 0.5 ? 'help-center' : 'uploads',
        title: `${sentence(3)} ${id}`,
        url: next() < 0.5 ? `https://help.example/${id}` : undefined,
        language: next() < 0.3 ? 'es' : undefined,
        tags: next() < 0.4 ? ['billing'] : [],
      },
      chunks: Array.from({ length: chunkCount }, (_, i) => ({
        chunkId: `${id}:${version}:${i}`,
        sectionPath: next() < 0.5 ? [] : ['Guide', `Part ${i % 3}`],
        text: `${sentence(6 + Math.floor(next() * 20))}. A credit limit increase (CLI) ${sentence(4)}.`,
      })),
      vectors: Array.from({ length: chunkCount }, vector),
      titleVector: vector(),
    };
  };
}

function put(index: ChunkIndex, doc: Generated, withVectors = true): void {
  index.upsertDocument(doc.document, doc.chunks);
  if (!withVectors) return;
  doc.chunks.forEach((chunk, i) => index.setChunkVector(chunk.chunkId, doc.vectors[i] as Float32Array));
  index.setTitleVector(doc.document.documentId, doc.titleVector);
}

function queries(seed: number): HybridQuery[] {
  const next = random(seed);
  const pick = () => WORDS[Math.floor(next() * WORDS.length)] as string;
  const out: HybridQuery[] = [];
  for (let i = 0; i < 24; i++) {
    const text = Array.from({ length: 2 + (i % 5) }, pick).join(' ');
    const vector = i % 2 === 0 ? Float32Array.from({ length: DIMS }, () => next() - 0.5) : undefined;
    const filters = i % 6 === 1 ? { sourceIds: ['help-center'] } : i % 6 === 3 ? { tags: ['billing'], language: 'es' } : undefined;
    out.push({ text, k: 1 + (i % 8), vector: vector === undefined ? undefined : normalised(vector), filters });
  }
  out.push({ text: 'higher credit limit', k: 5 }, { text: 'no such words at all', k: 5 });
  return out;
}

function normalised(v: Float32Array): Float32Array {
  const norm = Math.hypot(...v);
  return v.map((x) => x / norm);
}

function expectSameAnswers(original: ChunkIndex, restored: ChunkIndex, qs: readonly HybridQuery[]): void {
  expect(restored.chunkCount).toBe(original.chunkCount);
  expect(restored.documentCount).toBe(original.documentCount);
  expect(restored.vectorCount).toBe(original.vectorCount);
  for (const query of qs) expect(restored.search(query)).toEqual(original.search(query));
}

/** An index with history: replaced versions, removals (free slots, tombstones) and searches in between. */
function lived(size: number, seed = 1): { index: ChunkIndex; make: ReturnType<typeof generator> } {
  const make = generator(seed);
  const index = new ChunkIndex();
  for (let i = 0; i < size; i++) put(index, make(`d${i}`), i % 7 !== 3);
  index.search({ text: 'refund card', k: 5 });
  for (let i = 0; i < size; i += 5) index.removeDocument(`d${i}`);
  for (let i = 1; i < size; i += 9) put(index, make(`d${i}`, 2));
  return { index, make };
}

describe('ChunkIndex snapshot', () => {
  it('restores an index that answers every query exactly as the original', () => {
    const { index } = lived(300);
    const restored = ChunkIndex.restore(index.snapshot());
    expectSameAnswers(index, restored, queries(7));
    // Cut into small parts, or taken as views of the index's own arrays (copied at once), it reads the same.
    expectSameAnswers(index, ChunkIndex.restore(index.snapshot(4096)), queries(8));
    const reference = ChunkIndex.restore(index.snapshot());
    const copiedViews = index.snapshotViews().map((view) => view.slice());
    // Changes after the copy do not reach it.
    index.removeDocument('d1');
    index.removeDocument('d2');
    expectSameAnswers(reference, ChunkIndex.restore(copiedViews), queries(9));
  });

  it('stays equal while the same changes are applied to both, and snapshots again', () => {
    const { index } = lived(300);
    const restored = ChunkIndex.restore(index.snapshot());
    for (const target of [index, restored]) {
      const again = generator(99);
      // Removals of restored slots (their terms are known only through the postings), re-adds, new documents.
      for (let i = 1; i < 300; i += 4) target.removeDocument(`d${i}`);
      for (let i = 2; i < 300; i += 6) put(target, again(`d${i}`, 3));
      for (let i = 0; i < 120; i++) put(target, again(`new${i}`), i % 2 === 0);
      target.removeDocument('new3');
    }
    expectSameAnswers(index, restored, queries(11));
    expectSameAnswers(index, ChunkIndex.restore(restored.snapshot()), queries(12));
  });

  it('an empty index and one without vectors round-trip', () => {
    const empty = new ChunkIndex();
    const restoredEmpty = ChunkIndex.restore(empty.snapshot());
    expect(restoredEmpty.chunkCount).toBe(0);
    expect(restoredEmpty.search({ text: 'refund', k: 3 })).toEqual([]);
    const make = generator(3);
    const lexical = new ChunkIndex();
    for (let i = 0; i < 50; i++) put(lexical, make(`d${i}`), false);
    expectSameAnswers(lexical, ChunkIndex.restore(lexical.snapshot()), queries(5));
  });

  it('keeps trained vector partitions (a large collection), so restored searches scan the same partitions', { timeout: 60_000 }, () => {
    const make = generator(5);
    const index = new ChunkIndex();
    // Over 16,384 vectors, vector search goes through IVF partitions, trained on the first search.
    for (let i = 0; i < 4400; i++) put(index, make(`d${i}`, 1, 7));
    expect(index.vectorCount).toBeGreaterThan(16_384);
    const untrained = index.snapshot();
    const copy = () => ChunkIndex.restore(untrained.map((part) => part.slice()));
    // Trained by a search here; by prepareVectorSearch, and in steps, on untrained copies: the same partitions.
    index.search({ text: 'warranty', k: 5, vector: normalised(Float32Array.from({ length: DIMS }, (_, j) => j - 3)) });
    const prepared = copy();
    prepared.prepareVectorSearch();
    const stepwise = copy();
    expect([...stepwise.prepareVectorSearchInSteps()].length).toBeGreaterThan(50);
    expect([...stepwise.prepareVectorSearchInSteps()]).toHaveLength(0);
    const restored = ChunkIndex.restore(index.snapshot());
    const probe = normalised(Float32Array.from({ length: DIMS }, (_, j) => Math.sin(j)));
    for (const other of [restored, prepared, stepwise]) expect(other.nearestChunks(probe, 50)).toEqual(index.nearestChunks(probe, 50));
    expectSameAnswers(index, restored, queries(13));
    expectSameAnswers(index, prepared, queries(15));
    expectSameAnswers(index, stepwise, queries(16));

    // Changed between steps: what was removed is not found, what was added is filed before the partitions take over.
    const busy = copy();
    const more = generator(23);
    let step = 0;
    for (const _ of busy.prepareVectorSearchInSteps()) {
      if (step % 10 === 0) {
        busy.removeDocument(`d${step}`);
        put(busy, more(`busy${step}`));
      }
      step += 1;
    }
    expect([...busy.prepareVectorSearchInSteps()]).toHaveLength(0);
    // A restore checks that every vector is filed in exactly one partition, and nothing else is.
    const checked = ChunkIndex.restore(busy.snapshot());
    const added = normalised(more('probe').vectors[0] as Float32Array);
    expect(checked.nearestChunks(added, 10)).toEqual(busy.nearestChunks(added, 10));
    expect(busy.nearestChunks(probe, 200).some((id) => /^d(0|10|20):/.test(id))).toBe(false);
    for (const target of [index, restored]) {
      const again = generator(17);
      for (let i = 0; i < 4400; i += 3) target.removeDocument(`d${i}`);
      for (let i = 0; i < 200; i++) put(target, again(`late${i}`));
    }
    expect(restored.nearestChunks(probe, 50)).toEqual(index.nearestChunks(probe, 50));
    expectSameAnswers(index, restored, queries(14));
  });

  it('refuses a snapshot of another version, one cut short and one with damaged tables', () => {
    const { index } = lived(60);
    const [whole] = index.snapshot(1 << 24) as [Uint8Array<ArrayBuffer>];

    const otherVersion = whole.slice();
    // The first section (after the 16-byte stream header and its own 8-byte header) is the version.
    new Float64Array(otherVersion.buffer, 24, 1)[0] = CHUNK_INDEX_SNAPSHOT_VERSION + 1;
    expect(() => ChunkIndex.restore([otherVersion])).toThrow(IndexSnapshotError);

    expect(() => ChunkIndex.restore([whole.slice(0, whole.length >> 1)])).toThrow(IndexSnapshotError);
    const parts = index.snapshot(256);
    expect(() => ChunkIndex.restore(parts.slice(0, -1))).toThrow(IndexSnapshotError);

    // A flipped document slot in the chunk table: the chunk is no longer its document's.
    const damaged = whole.slice();
    const view = new Int32Array(damaged.buffer);
    const chunkTable = 16 / 4 + (8 + 8) / 4 + fingerprintSectionWords(damaged) + 8 / 4;
    view[chunkTable] = (view[chunkTable] as number) + 1;
    expect(() => ChunkIndex.restore([damaged])).toThrow(IndexSnapshotError);
  });
});

/** Words taken by the fingerprint's string table (offsets, UTF-8 run and surrogate list, each with its header). */
function fingerprintSectionWords(bytes: Uint8Array<ArrayBuffer>): number {
  const words = new Uint32Array(bytes.buffer);
  let at = (16 + 16) / 4;
  for (let section = 0; section < 3; section++) {
    const [kind, count] = [words[at] as number, words[at + 1] as number];
    const size = kind === 7 ? count : count * 4;
    at += 2 + Math.ceil(size / 8) * 2;
  }
  return at - (16 + 16) / 4;
}
