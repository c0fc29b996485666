import { describe, expect, it } from 'vitest';
import { ChunkIndex } from './chunkIndex.js';

function article(id: string, title: string, body: string, extra: { sourceId?: string; tags?: string[]; language?: string } = {}) {
  return {
    document: { documentId: id, sourceId: extra.sourceId ?? 'kb', title, tags: extra.tags ?? [], language: extra.language },
    chunks: body.split('\n\n').map((text, i) => ({ chunkId: `${id}#${i}`, sectionPath: [`Part ${i}`], text })),
  };
}

function seeded() {
  const index = new ChunkIndex();
  const docs = [
    article(
      'refunds',
      'Refund policy',
      'Refunds are paid back to the original card within 5 business days.\n\nGift cards cannot be refunded.',
    ),
    article('shipping', 'Shipping times', 'Standard shipping takes 3 to 5 days. Express shipping arrives next day.', {
      tags: ['logistics'],
    }),
    article('returns', 'Returning an item', 'Start a return from your order page within 30 days of delivery.', { sourceId: 'help-center' }),
    article('cli', 'How do I request a CLI?', 'You can ask for a credit limit increase (CLI) once every six months.'),
    article('envios', 'Plazos de envío', 'El envío estándar tarda de 3 a 5 días.', { language: 'es' }),
  ];
  for (const d of docs) index.upsertDocument(d.document, d.chunks);
  return index;
}

describe('ChunkIndex', () => {
  it('finds the article that answers a ticket and returns its best chunk with highlights', () => {
    const [hit] = seeded().search({ text: 'How many days until my refund is paid back?', k: 3 });
    expect(hit?.documentId).toBe('refunds');
    expect(hit?.chunkId).toBe('refunds#0');
    expect(hit?.sectionPath).toEqual(['Part 0']);
    const highlighted = hit!.highlights.map((h) => hit!.text.slice(h.start, h.end));
    expect(highlighted).toEqual(['Refunds', 'paid back', 'days']);
  });

  it('returns one hit per document, at most k', () => {
    const hits = seeded().search({ text: 'refunds gift cards refunded card', k: 10 });
    expect(new Set(hits.map((h) => h.documentId)).size).toBe(hits.length);
    expect(seeded().search({ text: 'shipping', k: 1 })).toHaveLength(1);
  });

  it('matches a title acronym by the long form the document defines', () => {
    expect(seeded().search({ text: 'can I get a higher credit limit', k: 1 })[0]?.documentId).toBe('cli');
  });

  it('applies source, tag and language filters', () => {
    const index = seeded();
    expect(
      index.search({ text: 'return order delivery shipping', k: 5, filters: { sourceIds: ['help-center'] } }).map((h) => h.documentId),
    ).toEqual(['returns']);
    expect(index.search({ text: 'shipping days', k: 5, filters: { tags: ['logistics'] } }).map((h) => h.documentId)).toEqual(['shipping']);
    expect(index.search({ text: 'envío días', k: 5, filters: { language: 'es' } }).map((h) => h.documentId)).toEqual(['envios']);
  });

  it('replaces a document atomically and forgets removed ones', () => {
    const index = seeded();
    index.upsertDocument({ documentId: 'refunds', sourceId: 'kb', title: 'Refund policy', tags: [] }, [
      { chunkId: 'refunds-v2#0', sectionPath: [], text: 'Refunds now take 10 business days.' },
    ]);
    const [hit] = index.search({ text: 'refund business days', k: 1 });
    expect(hit?.chunkId).toBe('refunds-v2#0');
    expect(index.search({ text: 'gift cards refunded', k: 5 }).some((h) => h.chunkId === 'refunds#1')).toBe(false);
    index.removeDocument('refunds');
    expect(index.search({ text: 'refund', k: 5 }).some((h) => h.documentId === 'refunds')).toBe(false);
    expect(index.documentCount).toBe(4);
  });

  it('lets vectors rank a paraphrase that shares no words', () => {
    const index = seeded();
    const axis = (i: number) => Float32Array.from({ length: 4 }, (_, j) => (j === i ? 1 : 0));
    index.setChunkVector('shipping#0', axis(0));
    index.setChunkVector('refunds#0', axis(1));
    index.setTitleVector('shipping', axis(0));
    const [hit] = index.search({ text: 'parcel arrival estimate', k: 1, vector: axis(0) });
    expect(hit?.documentId).toBe('shipping');
    expect(hit?.signals.chunkSemantic).toBeCloseTo(1);
    expect(index.setChunkVector('gone#0', axis(0))).toBe(false);
  });
});

describe('ChunkIndex slot reuse', () => {
  it('never lets a new chunk inherit the words of the chunk whose slot it reuses', () => {
    const index = new ChunkIndex();
    index.upsertDocument({ documentId: 'a', sourceId: 's', title: 'Alpha', tags: [] }, [
      { chunkId: 'a1', sectionPath: [], text: 'zeppelin mooring procedures' },
    ]);
    index.upsertDocument({ documentId: 'b', sourceId: 's', title: 'Beta', tags: [] }, [
      { chunkId: 'b1', sectionPath: [], text: 'a zeppelin over the kettle' },
    ]);
    index.removeDocument('a');
    index.upsertDocument({ documentId: 'c', sourceId: 's', title: 'Gamma', tags: [] }, [
      { chunkId: 'c1', sectionPath: [], text: 'garden hose storage' },
    ]);
    expect(index.search({ text: 'zeppelin mooring procedures', k: 5 }).map((h) => h.documentId)).toEqual(['b']);
  });
});

describe('ChunkIndex vector searches of one query vector', () => {
  it('answers repeated searches with the same vector alike, and sees a change made in between', () => {
    const index = seeded();
    const axis = (i: number) => Float32Array.from({ length: 4 }, (_, j) => (j === i ? 1 : 0));
    index.setChunkVector('shipping#0', axis(0));
    index.setChunkVector('refunds#0', axis(1));
    const vector = axis(0);
    const first = index.search({ text: 'when does it arrive', k: 2, vector });
    expect(index.search({ text: 'when does it arrive', k: 2, vector })).toEqual(first);
    // A new document nearer the same vector object must show up: the shared vector search is not stale.
    index.upsertDocument({ documentId: 'eta', sourceId: 'kb', title: 'Arrival estimates', tags: [] }, [
      { chunkId: 'eta#0', sectionPath: [], text: 'Estimated arrival is shown on the order page.' },
    ]);
    index.setChunkVector('eta#0', Float32Array.from([0.99, 0.14, 0, 0]));
    expect(index.search({ text: 'xyzzy', k: 1, vector })[0]?.documentId).toBe('shipping');
    index.setChunkVector('shipping#0', axis(2));
    expect(index.search({ text: 'xyzzy', k: 1, vector })[0]?.documentId).toBe('eta');
  });

  it('can leave highlights out for a caller that highlights only what it keeps', () => {
    const [hit] = seeded().search({ text: 'refund paid back', k: 1, skipHighlights: true });
    expect(hit?.documentId).toBe('refunds');
    expect(hit?.highlights).toEqual([]);
  });
});
