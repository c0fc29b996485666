/**
 * The retrieval peers Tandem is measured against, over exactly the chunks (and USE-lite vectors)
 * Tandem's engine stored for a knowledge base, each returning document ids best first:
 *
 * - BM25: one field of title + chunk text, Tandem's analyser, k1 1.2, b 0.75 (no glossary).
 * - Orama hybrid: Orama's own full-text + vector search over the same chunks and vectors.
 * - dense: exact cosine similarity of the query vector with every chunk vector.
 *
 * A document ranks by its best chunk. Peers get the query vector precomputed: their latency
 * excludes embedding, which the benchmark reports separately.
 */
import { create, insertMultiple, search as oramaSearch } from '@orama/orama';
import { analyze, Bm25Index } from '../../shared/src/search/index.js';

export interface PeerChunk {
  id: string;
  documentId: string;
  text: string;
  vector: Float32Array | undefined;
}

export interface PeerRanker {
  name: string;
  rank(text: string, vector: Float32Array | undefined): Promise<string[]>;
}

const TOP = 10;

function documentsOf(chunkDocs: Iterable<string>, externalIdOf: (id: string) => string): string[] {
  const ranked: string[] = [];
  for (const documentId of chunkDocs) {
    const id = externalIdOf(documentId);
    if (!ranked.includes(id)) ranked.push(id);
    if (ranked.length === TOP) break;
  }
  return ranked;
}

export function bm25Ranker(
  chunks: readonly PeerChunk[],
  titleOf: (documentId: string) => string,
  externalIdOf: (id: string) => string,
): PeerRanker {
  const bm25 = new Bm25Index({ k1: 1.2, weights: { title: 0, section: 0, body: 1 }, b: { title: 0, section: 0, body: 0.75 } });
  chunks.forEach((c, slot) => bm25.add(slot, { title: [], section: [], body: analyze(`${titleOf(c.documentId)}\n${c.text}`) }));
  return {
    name: 'BM25',
    rank: (text) =>
      Promise.resolve(
        documentsOf(
          bm25.search(analyze(text), 100).map(([slot]) => (chunks[slot] as PeerChunk).documentId),
          externalIdOf,
        ),
      ),
  };
}

export function denseRanker(chunks: readonly PeerChunk[], externalIdOf: (id: string) => string): PeerRanker {
  const embedded = chunks.filter((c): c is PeerChunk & { vector: Float32Array } => c.vector !== undefined);
  return {
    name: 'dense',
    rank: (_text, vector) => {
      if (vector === undefined) return Promise.resolve([]);
      // Stored vectors are unit length (unitVector.ts), so the dot product is the cosine.
      const scored = embedded.map((c) => {
        let dot = 0;
        for (let i = 0; i < vector.length; i++) dot += (vector[i] as number) * (c.vector[i] as number);
        return { documentId: c.documentId, dot };
      });
      scored.sort((a, b) => b.dot - a.dot);
      return Promise.resolve(
        documentsOf(
          scored.map((s) => s.documentId),
          externalIdOf,
        ),
      );
    },
  };
}

/** Orama's hybrid search over the same chunks; undefined when the vectors are not 512-dimensional (USE-lite). */
export async function oramaRanker(
  chunks: readonly PeerChunk[],
  titleOf: (documentId: string) => string,
  externalIdOf: (id: string) => string,
): Promise<PeerRanker | undefined> {
  const embedded = chunks.filter((c): c is PeerChunk & { vector: Float32Array } => c.vector !== undefined);
  if (embedded.length === 0 || embedded.some((c) => c.vector.length !== 512)) return undefined;
  const orama = create({ schema: { title: 'string', text: 'string', documentId: 'string', embedding: 'vector[512]' } as const });
  await insertMultiple(
    orama,
    embedded.map((c) => ({
      id: c.id,
      title: titleOf(c.documentId),
      text: c.text,
      documentId: c.documentId,
      embedding: Array.from(c.vector),
    })),
    500,
  );
  return {
    name: 'Orama hybrid',
    async rank(text, vector) {
      const result = await oramaSearch(orama, {
        mode: 'hybrid',
        term: text,
        vector: { value: Array.from(vector ?? new Float32Array(512)), property: 'embedding' },
        similarity: 0,
        limit: 60,
      });
      return documentsOf(
        result.hits.map((h) => h.document.documentId),
        externalIdOf,
      );
    },
  };
}
