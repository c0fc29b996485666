/**
 * The byte layout of a search index snapshot, shared by its writer and its reader: a 16-byte
 * stream header (magic, layout version, total length, section count), then typed sections, each
 * an 8-byte header (kind, element count) and its elements padded to 8 bytes. Every offset is a
 * multiple of 8, so a reader can view any section in place as the typed array it was written from.
 */

/** "TDIX" read as a little-endian u32. */
export const SNAPSHOT_MAGIC = 0x58494454;
/** The container's own layout; what the index classes put inside is versioned by CHUNK_INDEX_SNAPSHOT_VERSION. */
export const SNAPSHOT_LAYOUT_VERSION = 1;
export const STREAM_HEADER_BYTES = 16;
export const SECTION_HEADER_BYTES = 8;

export const SECTION_KINDS = {
  uint8: { code: 1, bytes: 1 },
  int8: { code: 2, bytes: 1 },
  int32: { code: 3, bytes: 4 },
  uint32: { code: 4, bytes: 4 },
  float32: { code: 5, bytes: 4 },
  float64: { code: 6, bytes: 8 },
  /** UTF-8 bytes of a string table (its character offsets travel in a uint32 section before it). */
  utf8: { code: 7, bytes: 1 },
} as const;

export type SectionKind = keyof typeof SECTION_KINDS;

export const padded = (bytes: number) => Math.ceil(bytes / 8) * 8;

/** A snapshot that cannot be used: another layout or build, truncated, corrupt, or inconsistent. */
export class IndexSnapshotError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IndexSnapshotError';
  }
}

/**
 * WHATWG text codecs: globals in every runtime Tandem runs in (Node, browsers, workers), declared
 * here because shared/ compiles without DOM or Node types. Native, so a 20 MB string table costs
 * milliseconds rather than the hundreds a hand-written loop would.
 */
declare const TextEncoder: new () => { encode(input: string): Uint8Array<ArrayBuffer> };
declare const TextDecoder: new (label: string, options: { fatal: boolean }) => { decode(input: Uint8Array): string };

export const utf8Encode = (text: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(text);

export function utf8Decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new IndexSnapshotError('a string table is not valid UTF-8');
  }
}
