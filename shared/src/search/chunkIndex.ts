/**
 * Hybrid search over one tenant's knowledge: four rankers fused at score level, then collapsed
 * to the best chunk per document.
 *   - lexical chunk match (BM25F over title, section path and body),
 *   - lexical title match (support articles are titled like the question they answer),
 *   - semantic chunk match (cosine of the query and chunk embeddings),
 *   - semantic title match.
 * Each lexical score is divided by the best of its query so the weights mean the same thing on
 * every query; cosine similarities are used as they are. Pure TypeScript, so the server and
 * the extension cache rank identically. `snapshot` / `ChunkIndex.restore` save and restore the
 * whole built index as typed arrays, for a client that cannot afford to rebuild it on every start.
 */
import type { SearchFilters, SearchHit } from '../knowledge.js';
import { definedAcronyms, expandTitleAcronyms } from './acronyms.js';
import { analyze, analyzeWithOffsets } from './analyze.js';
import { Bm25Index, DEFAULT_BM25 } from './bm25Index.js';
import { VectorIndex } from './vectorIndex.js';
import { analysisFingerprint } from './snapshot/analysisFingerprint.js';
import { readChunkTable, readDocumentTable, writeChunkTable, writeDocumentTable } from './snapshot/entryTables.js';
import { IndexSnapshotError } from './snapshot/snapshotFormat.js';
import { SnapshotReader } from './snapshot/snapshotReader.js';
import { SnapshotWriter } from './snapshot/snapshotWriter.js';

export interface IndexableDocument {
  documentId: string;
  sourceId: string;
  title: string;
  url?: string | undefined;
  language?: string | undefined;
  tags: readonly string[];
}

export interface IndexableChunk {
  chunkId: string;
  sectionPath: readonly string[];
  text: string;
}

export interface HybridQuery {
  text: string;
  k: number;
  filters?: SearchFilters | undefined;
  /** Unit-length query embedding from the same embedder that built the stored vectors. */
  vector?: Float32Array | undefined;
  /** Extra analysed terms (cross-language glossary, synonyms). */
  extraTerms?: readonly string[] | undefined;
  /** Leave `highlights` empty (a caller that ranks many candidates and highlights only the ones it keeps). */
  skipHighlights?: boolean | undefined;
}

export interface FusionWeights {
  chunkLexical: number;
  titleLexical: number;
  chunkSemantic: number;
  titleSemantic: number;
  /** Candidates each ranker contributes before fusion. */
  pool: number;
}

export const DEFAULT_FUSION: FusionWeights = { chunkLexical: 1, titleLexical: 0.4, chunkSemantic: 1, titleSemantic: 0.6, pool: 200 };

export interface RankedHit extends SearchHit {
  signals: {
    chunkLexical: number;
    titleLexical: number;
    chunkSemantic: number | undefined;
    titleSemantic: number | undefined;
    fused: number;
    /** The document's chunks among the lexical ranker's candidates (evidence spread over a document). */
    lexicalChunks: number;
    /** Sum of the document's normalised lexical chunk scores (document-level fusion of chunk evidence). */
    lexicalMass: number;
  };
}

interface DocumentEntry extends IndexableDocument {
  slot: number;
  chunkSlots: number[];
}

interface ChunkEntry extends IndexableChunk {
  documentSlot: number;
}

/** Candidates whose missing similarities are computed exactly, best optimistic bound first. */
const MAX_FILLED_CANDIDATES = 60;

const TITLE_BM25 = { k1: 1.2, weights: { title: 1, section: 0, body: 0 }, b: { title: 0.5, section: 0, body: 0 } };

/**
 * What a ChunkIndex snapshot holds besides the container's own layout; bump it whenever the
 * sections ChunkIndex writes (or the state they capture) change.
 */
export const CHUNK_INDEX_SNAPSHOT_VERSION = 1;

class SlotAllocator {
  constructor(
    private next = 0,
    private readonly free: number[] = [],
  ) {}
  take(): number {
    return this.free.pop() ?? this.next++;
  }
  release(slot: number): void {
    this.free.push(slot);
  }
  /** The next fresh slot, then the released ones in the order `take` reuses them from the end. */
  toArray(): Int32Array<ArrayBuffer> {
    return Int32Array.from([this.next, ...this.free]);
  }
  static fromArray(values: Int32Array): SlotAllocator {
    const [next, ...free] = values;
    if (next === undefined) throw new IndexSnapshotError('a slot allocator is missing');
    return new SlotAllocator(next, free);
  }
}

export class ChunkIndex {
  private chunkLexical = new Bm25Index();
  private titleLexical = new Bm25Index(TITLE_BM25);
  private chunkVectors: VectorIndex | undefined;
  private titleVectors: VectorIndex | undefined;
  private readonly chunks: (ChunkEntry | undefined)[] = [];
  private readonly documents: (DocumentEntry | undefined)[] = [];
  private readonly chunkSlotById = new Map<string, number>();
  private readonly documentById = new Map<string, DocumentEntry>();
  private chunkSlots = new SlotAllocator();
  private documentSlots = new SlotAllocator();

  /**
   * Nearest neighbours of the last query vector (by identity, with its pool and filters): a
   * ticket's searches (the whole ticket, then each question) share one vector, so the vector
   * rankers answer once per ticket. Cleared by any change to the index.
   */
  private vectorMemo:
    | { vector: Float32Array; pool: number; filters: SearchFilters | undefined; chunks: [number, number][]; titles: [number, number][] }
    | undefined;

  constructor(private readonly weights: FusionWeights = DEFAULT_FUSION) {}

  get chunkCount(): number {
    return this.chunkSlotById.size;
  }

  get documentCount(): number {
    return this.documentById.size;
  }

  get vectorCount(): number {
    return this.chunkVectors?.size ?? 0;
  }

  /** Replaces a document and all its chunks (a new version). */
  upsertDocument(document: IndexableDocument, chunks: readonly IndexableChunk[]): void {
    this.removeDocument(document.documentId);
    this.vectorMemo = undefined;
    const slot = this.documentSlots.take();
    const entry: DocumentEntry = { ...document, slot, chunkSlots: [] };
    this.documents[slot] = entry;
    this.documentById.set(document.documentId, entry);
    const titleTerms = analyze(indexedTitle(document.title, chunks));
    this.titleLexical.add(slot, { title: titleTerms, section: [], body: [] });
    for (const chunk of chunks) {
      const chunkSlot = this.chunkSlots.take();
      this.chunks[chunkSlot] = { ...chunk, documentSlot: slot };
      this.chunkSlotById.set(chunk.chunkId, chunkSlot);
      entry.chunkSlots.push(chunkSlot);
      this.chunkLexical.add(chunkSlot, { title: titleTerms, section: analyze(chunk.sectionPath.join(' ')), body: analyze(chunk.text) });
    }
  }

  removeDocument(documentId: string): void {
    this.vectorMemo = undefined;
    const entry = this.documentById.get(documentId);
    if (entry === undefined) return;
    for (const chunkSlot of entry.chunkSlots) {
      const chunk = this.chunks[chunkSlot];
      if (chunk !== undefined) this.chunkSlotById.delete(chunk.chunkId);
      this.chunks[chunkSlot] = undefined;
      this.chunkLexical.remove(chunkSlot);
      this.chunkVectors?.remove(chunkSlot);
      this.chunkSlots.release(chunkSlot);
    }
    this.titleLexical.remove(entry.slot);
    this.titleVectors?.remove(entry.slot);
    this.documents[entry.slot] = undefined;
    this.documentSlots.release(entry.slot);
    this.documentById.delete(documentId);
  }

  /** Attaches a chunk embedding; false when that chunk is gone (a newer version replaced it). */
  setChunkVector(chunkId: string, vector: ArrayLike<number>): boolean {
    const slot = this.chunkSlotById.get(chunkId);
    if (slot === undefined) return false;
    this.chunkVectors ??= new VectorIndex(vector.length);
    this.chunkVectors.set(slot, vector);
    this.vectorMemo = undefined;
    return true;
  }

  setTitleVector(documentId: string, vector: ArrayLike<number>): boolean {
    const entry = this.documentById.get(documentId);
    if (entry === undefined) return false;
    this.titleVectors ??= new VectorIndex(vector.length);
    this.titleVectors.set(entry.slot, vector);
    this.vectorMemo = undefined;
    return true;
  }

  /**
   * The whole built index (entries, rankers, vectors and trained partitions) as a versioned
   * binary snapshot, in parts of at most `partBytes`. Synchronous, so it is one consistent
   * state; the parts are copies, free to store while the index changes on.
   */
  snapshot(partBytes?: number): Uint8Array<ArrayBuffer>[] {
    return this.snapshotWriter().finish(partBytes);
  }

  /**
   * The same snapshot as views of the index's own arrays (no copy of the large ones): valid only
   * until the index changes, so copy them at once (`new Blob(views)` copies in one pass).
   */
  snapshotViews(): Uint8Array<ArrayBuffer>[] {
    return this.snapshotWriter().views();
  }

  private snapshotWriter(): SnapshotWriter {
    const writer = new SnapshotWriter();
    writer.numbers([CHUNK_INDEX_SNAPSHOT_VERSION]);
    writer.strings([analysisFingerprint()]);
    writeChunkTable(writer, this.chunks);
    writeDocumentTable(writer, this.documents);
    writer.int32(this.chunkSlots.toArray());
    writer.int32(this.documentSlots.toArray());
    this.chunkLexical.writeSnapshot(writer);
    this.titleLexical.writeSnapshot(writer);
    writer.numbers([this.chunkVectors === undefined ? 0 : 1, this.titleVectors === undefined ? 0 : 1]);
    this.chunkVectors?.writeSnapshot(writer);
    this.titleVectors?.writeSnapshot(writer);
    return writer;
  }

  /**
   * The index a snapshot was taken of: the same results for every query, and the same after any
   * further changes applied to both. Throws IndexSnapshotError for a snapshot of another version
   * or analysis, or one that is truncated or inconsistent; it takes ownership of `parts`.
   */
  static restore(parts: readonly Uint8Array<ArrayBuffer>[], weights: FusionWeights = DEFAULT_FUSION): ChunkIndex {
    const reader = new SnapshotReader(parts);
    const [version] = reader.numbers(1);
    if (version !== CHUNK_INDEX_SNAPSHOT_VERSION)
      throw new IndexSnapshotError(`snapshot version ${version}, expected ${CHUNK_INDEX_SNAPSHOT_VERSION}`);
    if (reader.strings()[0] !== analysisFingerprint()) throw new IndexSnapshotError('the snapshot was built with another text analysis');
    const index = new ChunkIndex(weights);
    const chunks = readChunkTable(reader);
    const documents = readDocumentTable(reader);
    index.chunkSlots = SlotAllocator.fromArray(reader.int32());
    index.documentSlots = SlotAllocator.fromArray(reader.int32());
    index.chunkLexical = Bm25Index.readSnapshot(reader, DEFAULT_BM25);
    index.titleLexical = Bm25Index.readSnapshot(reader, TITLE_BM25);
    const [chunkVectors, titleVectors] = reader.numbers(2);
    if (chunkVectors === 1) index.chunkVectors = VectorIndex.readSnapshot(reader);
    if (titleVectors === 1) index.titleVectors = VectorIndex.readSnapshot(reader);
    reader.end();
    for (const doc of documents) {
      index.documents.push(doc);
      if (doc === undefined) continue;
      index.documentById.set(doc.documentId, doc);
      for (const slot of doc.chunkSlots)
        if (chunks[slot]?.documentSlot !== doc.slot) throw new IndexSnapshotError('a document names a chunk that is not its own');
    }
    // A for loop, not forEach: the tables have holes where slots are free, and each keeps its number.
    for (let slot = 0; slot < chunks.length; slot++) {
      const chunk = chunks[slot];
      index.chunks.push(chunk);
      if (chunk !== undefined) index.chunkSlotById.set(chunk.chunkId, slot);
    }
    let owned = 0;
    for (const doc of index.documentById.values()) owned += doc.chunkSlots.length;
    if (
      index.documentById.size !== index.titleLexical.size ||
      index.chunkSlotById.size !== owned ||
      index.chunkSlotById.size !== index.chunkLexical.size
    )
      throw new IndexSnapshotError("the snapshot's tables disagree");
    return index;
  }

  /** Does now what the next vector search would do first (training vector partitions), so a snapshot taken next carries it. */
  prepareVectorSearch(): void {
    this.chunkVectors?.preparePartitions();
    this.titleVectors?.preparePartitions();
  }

  /**
   * `prepareVectorSearch` in short steps (seconds of work at 100k vectors), for a UI thread that
   * yields between them; the index answers searches and takes changes in between.
   */
  *prepareVectorSearchInSteps(): Generator<void, void> {
    if (this.chunkVectors !== undefined) yield* this.chunkVectors.preparePartitionsInSteps();
    if (this.titleVectors !== undefined) yield* this.titleVectors.preparePartitionsInSteps();
  }

  /**
   * How distinctive a term is among the knowledge base's titles (BM25 idf over titles): product
   * and entity names ("Evergreen", "Diamond") are rare there, generic words ("account") are not.
   */
  titleIdf(term: string): number {
    return this.titleLexical.idf(term);
  }

  /** The largest `titleIdf` possible: a term in no title. */
  get maxTitleIdf(): number {
    return this.titleLexical.idf('\u0000');
  }

  /** Chunk ids nearest to `vector` by the vector ranker alone (diagnostics and benchmarks). */
  nearestChunks(vector: Float32Array, limit: number): string[] {
    return (this.chunkVectors?.search(vector, limit) ?? []).map(([slot]) => (this.chunks[slot] as ChunkEntry).chunkId);
  }

  private documentFilter(filters: SearchFilters | undefined): ((doc: DocumentEntry) => boolean) | undefined {
    if (filters === undefined) return undefined;
    const sources = filters.sourceIds === undefined ? undefined : new Set(filters.sourceIds);
    const tags = filters.tags;
    const language = filters.language?.toLowerCase();
    if (sources === undefined && tags === undefined && language === undefined) return undefined;
    return (doc) =>
      (sources === undefined || sources.has(doc.sourceId)) &&
      (tags === undefined || tags.every((t) => doc.tags.includes(t))) &&
      (language === undefined || doc.language === undefined || doc.language.toLowerCase().startsWith(language));
  }

  search(query: HybridQuery): RankedHit[] {
    const terms = [...analyze(query.text), ...(query.extraTerms ?? [])];
    const docFilter = this.documentFilter(query.filters);
    const acceptChunk =
      docFilter === undefined
        ? undefined
        : (slot: number) => {
            const chunk = this.chunks[slot];
            const doc = chunk === undefined ? undefined : this.documents[chunk.documentSlot];
            return doc !== undefined && docFilter(doc);
          };
    const acceptDocument =
      docFilter === undefined
        ? undefined
        : (slot: number) => {
            const doc = this.documents[slot];
            return doc !== undefined && docFilter(doc);
          };
    const { pool } = this.weights;

    interface Candidate {
      bestChunk: number;
      bestChunkScore: number;
      chunkLexical: number;
      titleLexical: number;
      chunkSemantic: number | undefined;
      titleSemantic: number | undefined;
      lexicalChunks: number;
      lexicalMass: number;
    }
    const candidates = new Map<number, Candidate>();
    const candidate = (documentSlot: number): Candidate => {
      let c = candidates.get(documentSlot);
      if (c === undefined) {
        c = {
          bestChunk: -1,
          bestChunkScore: -Infinity,
          chunkLexical: 0,
          titleLexical: 0,
          chunkSemantic: undefined,
          titleSemantic: undefined,
          lexicalChunks: 0,
          lexicalMass: 0,
        };
        candidates.set(documentSlot, c);
      }
      return c;
    };

    const lexical = this.chunkLexical.search(terms, pool, acceptChunk);
    const maxChunkLexical = lexical[0]?.[1] ?? 1;
    for (const [slot, score] of lexical) {
      const chunk = this.chunks[slot] as ChunkEntry;
      const c = candidate(chunk.documentSlot);
      const normalised = score / maxChunkLexical;
      c.lexicalChunks++;
      c.lexicalMass += normalised;
      if (normalised > c.chunkLexical) c.chunkLexical = normalised;
      if (normalised > c.bestChunkScore) {
        c.bestChunkScore = normalised;
        c.bestChunk = slot;
      }
    }
    const titles = this.titleLexical.search(terms, pool, acceptDocument);
    const maxTitleLexical = titles[0]?.[1] ?? 1;
    for (const [slot, score] of titles) candidate(slot).titleLexical = score / maxTitleLexical;

    const vector = query.vector;
    const w = this.weights;
    const vectorPool = Math.min(pool, Math.max(50, query.k * 5));
    // A document outside a vector ranker's exact top-N is at most as similar as its N-th entry.
    let chunkFloor = 0;
    let titleFloor = 0;
    const memo =
      vector !== undefined &&
      this.vectorMemo?.vector === vector &&
      this.vectorMemo.pool === vectorPool &&
      this.vectorMemo.filters === query.filters
        ? this.vectorMemo
        : undefined;
    let nearestChunks: [number, number][] = [];
    if (vector !== undefined && this.chunkVectors !== undefined) {
      const nearest = memo?.chunks ?? this.chunkVectors.search(vector, vectorPool, acceptChunk);
      for (const [slot, similarity] of nearest) {
        const chunk = this.chunks[slot] as ChunkEntry;
        const c = candidate(chunk.documentSlot);
        if (c.chunkSemantic === undefined || similarity > c.chunkSemantic) c.chunkSemantic = similarity;
        if (c.bestChunk === -1) c.bestChunk = slot;
      }
      chunkFloor = Math.max(0, nearest[nearest.length - 1]?.[1] ?? 0);
      nearestChunks = nearest;
    }
    let nearestTitles: [number, number][] = [];
    if (vector !== undefined && this.titleVectors !== undefined) {
      nearestTitles = memo?.titles ?? this.titleVectors.search(vector, vectorPool, acceptDocument);
      for (const [slot, similarity] of nearestTitles) candidate(slot).titleSemantic = similarity;
      titleFloor = Math.max(0, nearestTitles[nearestTitles.length - 1]?.[1] ?? 0);
    }
    if (vector !== undefined && memo === undefined)
      this.vectorMemo = { vector, pool: vectorPool, filters: query.filters, chunks: nearestChunks, titles: nearestTitles };

    const fusedOf = (c: Candidate) =>
      w.chunkLexical * c.chunkLexical +
      w.titleLexical * c.titleLexical +
      w.chunkSemantic * (c.chunkSemantic ?? 0) +
      w.titleSemantic * (c.titleSemantic ?? 0);
    // Rank by an optimistic bound first, then compute the missing similarities exactly only for
    // the documents that could still make the top k: the rest cannot overtake them.
    const bounded = [...candidates].map(([documentSlot, c]) => ({
      documentSlot,
      c,
      bound:
        fusedOf(c) +
        (vector !== undefined && c.chunkSemantic === undefined ? w.chunkSemantic * chunkFloor : 0) +
        (vector !== undefined && c.titleSemantic === undefined ? w.titleSemantic * titleFloor : 0),
    }));
    bounded.sort((a, b) => b.bound - a.bound);
    const scored: { documentSlot: number; c: Candidate; fused: number }[] = [];
    let kthBest = -Infinity;
    for (const { documentSlot, c, bound } of bounded) {
      if (scored.length >= query.k && bound < kthBest) break;
      // Past the most promising candidates, exact similarities rarely change the top k but cost
      // a scan of every chunk of each document.
      if (scored.length >= MAX_FILLED_CANDIDATES) break;
      const doc = this.documents[documentSlot];
      if (doc === undefined) continue;
      if (vector !== undefined) {
        if (c.chunkSemantic === undefined && this.chunkVectors !== undefined) {
          for (const [slot, similarity] of this.chunkVectors.scoreSlots(vector, doc.chunkSlots)) {
            if (c.chunkSemantic === undefined || similarity > c.chunkSemantic) c.chunkSemantic = similarity;
            if (c.bestChunk === -1) c.bestChunk = slot;
          }
        }
        if (c.titleSemantic === undefined && this.titleVectors !== undefined) {
          c.titleSemantic = this.titleVectors.scoreSlots(vector, [documentSlot]).get(documentSlot);
        }
      }
      if (c.bestChunk === -1) c.bestChunk = doc.chunkSlots[0] ?? -1;
      if (c.bestChunk === -1) continue;
      const fused = fusedOf(c);
      scored.push({ documentSlot, c, fused });
      if (scored.length >= query.k) {
        scored.sort((a, b) => b.fused - a.fused);
        kthBest = (scored[query.k - 1] as { fused: number }).fused;
      }
    }
    scored.sort((a, b) => b.fused - a.fused);

    const termSet = new Set(terms);
    const maxPossible = maxPossibleLexical(this.chunkLexical, terms);
    return scored.slice(0, query.k).map(({ documentSlot, c, fused }) => {
      const doc = this.documents[documentSlot] as DocumentEntry;
      const chunk = this.chunks[c.bestChunk] as ChunkEntry;
      const rawLexical = lexical.find(([slot]) => slot === c.bestChunk)?.[1] ?? 0;
      const coverage = maxPossible > 0 ? Math.min(1, rawLexical / maxPossible) : 0;
      const semantic = c.chunkSemantic === undefined ? undefined : Math.max(0, c.chunkSemantic);
      return {
        chunkId: chunk.chunkId,
        documentId: doc.documentId,
        title: doc.title,
        ...(doc.url === undefined ? {} : { url: doc.url }),
        sectionPath: [...chunk.sectionPath],
        text: chunk.text,
        // An absolute relevance in [0, 1] (comparable across queries), unlike `fused`, which ranks.
        score: semantic === undefined ? coverage : 0.5 * coverage + 0.5 * semantic,
        highlights: query.skipHighlights === true ? [] : highlightsOf(chunk.text, termSet),
        signals: {
          chunkLexical: c.chunkLexical,
          titleLexical: c.titleLexical,
          chunkSemantic: c.chunkSemantic,
          titleSemantic: c.titleSemantic,
          fused,
          lexicalChunks: c.lexicalChunks,
          lexicalMass: c.lexicalMass,
        },
      };
    });
  }
}

/** The title as indexed and embedded: with the long form of acronyms the document defines. */
export function indexedTitle(title: string, chunks: readonly { text: string }[]): string {
  return expandTitleAcronyms(title, definedAcronyms(chunks.map((c) => c.text).join('\n')));
}

/** An upper bound of a chunk's BM25 score for these terms, to express a hit as coverage in [0, 1]. */
function maxPossibleLexical(index: Bm25Index, terms: readonly string[]): number {
  let sum = 0;
  for (const term of new Set(terms)) sum += index.idf(term);
  return sum * 0.6;
}

/** Spans of `text` whose analysed terms are among `terms` (adjacent matches merged). */
export function highlightsOf(text: string, terms: ReadonlySet<string>): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (const token of analyzeWithOffsets(text)) {
    if (!terms.has(token.term)) continue;
    const last = spans[spans.length - 1];
    if (last !== undefined && token.start - last.end <= 1) last.end = token.end;
    else spans.push({ start: token.start, end: token.end });
  }
  return spans;
}
