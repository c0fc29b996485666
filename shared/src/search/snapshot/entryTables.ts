/**
 * ChunkIndex's slot tables in a snapshot: the chunk and document entries by slot (holes included,
 * so every slot keeps its number), as string tables and typed arrays instead of one object each.
 * Section paths repeat across a document's chunks, so they are stored once and referenced.
 */
import { IndexSnapshotError } from './snapshotFormat.js';
import type { SnapshotReader } from './snapshotReader.js';
import type { SnapshotWriter } from './snapshotWriter.js';

export interface ChunkSlotEntry {
  chunkId: string;
  sectionPath: readonly string[];
  text: string;
  documentSlot: number;
}

export interface DocumentSlotEntry {
  documentId: string;
  sourceId: string;
  title: string;
  url?: string | undefined;
  language?: string | undefined;
  tags: readonly string[];
  slot: number;
  chunkSlots: number[];
}

const HAS_URL = 1;
const HAS_LANGUAGE = 2;

export function writeChunkTable(writer: SnapshotWriter, chunks: readonly (ChunkSlotEntry | undefined)[]): void {
  const documentSlots = new Int32Array(chunks.length).fill(-1);
  const chunkIds: string[] = [];
  const texts: string[] = [];
  const sectionCounts = new Uint32Array(chunks.length);
  const sectionRefs: number[] = [];
  const sections = new Map<string, number>();
  // for loops, not forEach: a hole is a free slot and must keep its place.
  for (let slot = 0; slot < chunks.length; slot++) {
    const chunk = chunks[slot];
    chunkIds.push(chunk?.chunkId ?? '');
    texts.push(chunk?.text ?? '');
    if (chunk === undefined) continue;
    documentSlots[slot] = chunk.documentSlot;
    sectionCounts[slot] = chunk.sectionPath.length;
    for (const section of chunk.sectionPath) {
      let ref = sections.get(section);
      if (ref === undefined) {
        ref = sections.size;
        sections.set(section, ref);
      }
      sectionRefs.push(ref);
    }
  }
  writer.int32(documentSlots);
  writer.strings(chunkIds);
  writer.strings(texts);
  writer.strings([...sections.keys()]);
  writer.uint32(sectionCounts);
  writer.uint32(Uint32Array.from(sectionRefs));
}

export function readChunkTable(reader: SnapshotReader): (ChunkSlotEntry | undefined)[] {
  const documentSlots = reader.int32();
  const chunkIds = reader.strings();
  const texts = reader.strings();
  const sections = reader.strings();
  const sectionCounts = reader.uint32();
  const sectionRefs = reader.uint32();
  const slots = documentSlots.length;
  if (chunkIds.length !== slots || texts.length !== slots || sectionCounts.length !== slots)
    throw new IndexSnapshotError('the chunk table disagrees in length');
  const chunks = new Array<ChunkSlotEntry | undefined>(slots);
  let ref = 0;
  for (let slot = 0; slot < slots; slot++) {
    const documentSlot = documentSlots[slot] as number;
    if (documentSlot === -1) continue;
    const count = sectionCounts[slot] as number;
    if (ref + count > sectionRefs.length) throw new IndexSnapshotError('the chunk table is inconsistent');
    const sectionPath = new Array<string>(count);
    for (let i = 0; i < count; i++) {
      const section = sections[sectionRefs[ref++] as number];
      if (section === undefined) throw new IndexSnapshotError('the chunk table is inconsistent');
      sectionPath[i] = section;
    }
    chunks[slot] = { chunkId: chunkIds[slot] as string, sectionPath, text: texts[slot] as string, documentSlot };
  }
  if (ref !== sectionRefs.length) throw new IndexSnapshotError('the chunk table is inconsistent');
  return chunks;
}

export function writeDocumentTable(writer: SnapshotWriter, documents: readonly (DocumentSlotEntry | undefined)[]): void {
  const flags = new Uint8Array(documents.length);
  const strings: Record<'ids' | 'sources' | 'titles' | 'urls' | 'languages' | 'tags', string[]> = {
    ids: [],
    sources: [],
    titles: [],
    urls: [],
    languages: [],
    tags: [],
  };
  const tagCounts = new Uint32Array(documents.length);
  const chunkCounts = new Uint32Array(documents.length);
  const chunkSlots: number[] = [];
  for (let slot = 0; slot < documents.length; slot++) {
    const doc = documents[slot];
    strings.ids.push(doc?.documentId ?? '');
    strings.sources.push(doc?.sourceId ?? '');
    strings.titles.push(doc?.title ?? '');
    strings.urls.push(doc?.url ?? '');
    strings.languages.push(doc?.language ?? '');
    if (doc === undefined) continue;
    flags[slot] = 4 | (doc.url === undefined ? 0 : HAS_URL) | (doc.language === undefined ? 0 : HAS_LANGUAGE);
    tagCounts[slot] = doc.tags.length;
    for (const t of doc.tags) strings.tags.push(t);
    chunkCounts[slot] = doc.chunkSlots.length;
    for (const c of doc.chunkSlots) chunkSlots.push(c);
  }
  writer.uint8(flags);
  for (const table of Object.values(strings)) writer.strings(table);
  writer.uint32(tagCounts);
  writer.uint32(chunkCounts);
  writer.int32(Int32Array.from(chunkSlots));
}

export function readDocumentTable(reader: SnapshotReader): (DocumentSlotEntry | undefined)[] {
  const flags = reader.uint8();
  const [ids, sources, titles, urls, languages, tags] = [1, 2, 3, 4, 5, 6].map(() => reader.strings()) as [
    string[],
    string[],
    string[],
    string[],
    string[],
    string[],
  ];
  const tagCounts = reader.uint32();
  const chunkCounts = reader.uint32();
  const chunkSlots = reader.int32();
  const slots = flags.length;
  if ([ids, sources, titles, urls, languages].some((t) => t.length !== slots) || tagCounts.length !== slots || chunkCounts.length !== slots)
    throw new IndexSnapshotError('the document table disagrees in length');
  const documents = new Array<DocumentSlotEntry | undefined>(slots);
  let tag = 0;
  let chunk = 0;
  for (let slot = 0; slot < slots; slot++) {
    const flag = flags[slot] as number;
    if (flag === 0) continue;
    const tagCount = tagCounts[slot] as number;
    const chunkCount = chunkCounts[slot] as number;
    if (tag + tagCount > tags.length || chunk + chunkCount > chunkSlots.length)
      throw new IndexSnapshotError('the document table is inconsistent');
    documents[slot] = {
      documentId: ids[slot] as string,
      sourceId: sources[slot] as string,
      title: titles[slot] as string,
      url: (flag & HAS_URL) === 0 ? undefined : urls[slot],
      language: (flag & HAS_LANGUAGE) === 0 ? undefined : languages[slot],
      tags: tags.slice(tag, tag + tagCount),
      slot,
      chunkSlots: Array.from(chunkSlots.subarray(chunk, chunk + chunkCount)),
    };
    tag += tagCount;
    chunk += chunkCount;
  }
  if (tag !== tags.length || chunk !== chunkSlots.length) throw new IndexSnapshotError('the document table is inconsistent');
  return documents;
}
