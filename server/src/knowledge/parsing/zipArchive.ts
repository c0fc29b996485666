/**
 * A defensive reader for the ZIP containers behind DOCX, PPTX and XLSX. It reads the central
 * directory itself, so sizes and compression ratios are checked before a single byte is inflated,
 * and it inflates each entry with a hard output cap, so an archive that lies about its sizes
 * still cannot expand past them.
 */
import { promisify } from 'node:util';
import { inflateRaw } from 'node:zlib';
import { IngestError } from '../ingestError.js';
import type { ParseLimits } from './parsedDocument.js';

export interface ZipEntry {
  name: string;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

/** Office packages hold hundreds of parts at most; tens of thousands is an attack on the parser. */
const MAX_ENTRIES = 20_000;
/** Entries this big must not compress better than MAX_RATIO; XML rarely passes 20:1. */
const LARGE_ENTRY_BYTES = 1024 * 1024;
const MAX_RATIO = 100;

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const U32_MAX = 0xffffffff;

const inflateRawAsync = promisify(inflateRaw);

export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Entry names for format sniffing; undefined when the bytes are not a readable archive. */
export function zipEntryNames(bytes: Uint8Array): string[] | undefined {
  if (!isZip(bytes)) return undefined;
  try {
    return readCentralDirectory(bytes).map((entry) => entry.name);
  } catch {
    return undefined;
  }
}

export class ZipArchive {
  private readonly byName = new Map<string, ZipEntry>();

  private constructor(
    private readonly bytes: Uint8Array,
    readonly entries: readonly ZipEntry[],
  ) {
    for (const entry of entries) this.byName.set(entry.name, entry);
  }

  /** Reads the directory and refuses bombs and encrypted archives; inflates nothing. */
  static open(bytes: Uint8Array, limits: ParseLimits): ZipArchive {
    const entries = readCentralDirectory(bytes);
    let total = 0;
    for (const entry of entries) {
      if (entry.encrypted) throw new IngestError('ENCRYPTED', 'The archive is password-protected.');
      total += entry.uncompressedSize;
      if (total > limits.maxUncompressedBytes) {
        throw new IngestError('ZIP_BOMB', `The archive expands to more than ${limits.maxUncompressedBytes} bytes.`);
      }
      if (entry.uncompressedSize >= LARGE_ENTRY_BYTES && entry.uncompressedSize > MAX_RATIO * Math.max(1, entry.compressedSize)) {
        throw new IngestError('ZIP_BOMB', `The archive entry ${entry.name} has a compression ratio above ${MAX_RATIO}:1.`);
      }
    }
    return new ZipArchive(bytes, entries);
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  names(): string[] {
    return [...this.byName.keys()];
  }

  /** The entry's bytes, or undefined when there is no such entry. */
  async read(name: string): Promise<Uint8Array | undefined> {
    const entry = this.byName.get(name);
    return entry ? this.inflate(entry) : undefined;
  }

  async readText(name: string): Promise<string | undefined> {
    const data = await this.read(name);
    return data ? new TextDecoder('utf-8').decode(data) : undefined;
  }

  /**
   * Inflates every entry under its cap and throws away the result: done before handing the whole
   * archive to a library that would inflate without limits.
   */
  async verifyAll(): Promise<void> {
    for (const entry of this.entries) await this.inflate(entry);
  }

  private async inflate(entry: ZipEntry): Promise<Uint8Array> {
    const data = this.entryData(entry);
    if (entry.method === 0) {
      if (data.length !== entry.uncompressedSize) throw corrupt(`stored entry ${entry.name} has the wrong size`);
      return data;
    }
    if (entry.method !== 8) throw corrupt(`entry ${entry.name} uses unsupported compression method ${entry.method}`);
    let out: Uint8Array;
    try {
      // One byte over the declared size is enough to prove the archive lied.
      out = await inflateRawAsync(data, { maxOutputLength: entry.uncompressedSize + 1 });
    } catch (error) {
      if (error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new IngestError('ZIP_BOMB', `The archive entry ${entry.name} inflates beyond its declared size.`);
      }
      throw corrupt(`entry ${entry.name} does not inflate`);
    }
    if (out.length !== entry.uncompressedSize) throw corrupt(`entry ${entry.name} has the wrong size`);
    return out;
  }

  private entryData(entry: ZipEntry): Uint8Array {
    const view = viewOf(this.bytes);
    const at = entry.localHeaderOffset;
    if (at + 30 > this.bytes.length || view.getUint32(at, true) !== LOCAL_SIGNATURE) {
      throw corrupt(`entry ${entry.name} has no local header`);
    }
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const end = start + entry.compressedSize;
    if (end > this.bytes.length) throw corrupt(`entry ${entry.name} runs past the end of the file`);
    return this.bytes.subarray(start, end);
  }
}

function readCentralDirectory(bytes: Uint8Array): ZipEntry[] {
  const view = viewOf(bytes);
  const eocd = findEndOfCentralDirectory(view);
  let count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || offset === U32_MAX) ({ count, offset } = readZip64End(view, eocd));
  if (count > MAX_ENTRIES) throw new IngestError('ZIP_BOMB', `The archive has more than ${MAX_ENTRIES} entries.`);

  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder('utf-8');
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL_SIGNATURE) throw corrupt('the central directory is damaged');
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > bytes.length) throw corrupt('the central directory is damaged');
    const entry: ZipEntry = {
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      encrypted: (view.getUint16(at + 8, true) & 1) === 1,
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
    };
    applyZip64Extra(view, at + 46 + nameLength, extraLength, entry);
    entries.push(entry);
    at = next;
  }
  return entries;
}

function findEndOfCentralDirectory(view: DataView): number {
  // The record is 22 bytes plus a comment of at most 65535 bytes, so the search is bounded.
  const lowest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let at = view.byteLength - 22; at >= lowest; at--) {
    if (view.getUint32(at, true) === EOCD_SIGNATURE) return at;
  }
  throw corrupt('no end of central directory (truncated?)');
}

function readZip64End(view: DataView, eocd: number): { count: number; offset: number } {
  const locator = eocd - 20;
  if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR_SIGNATURE) throw corrupt('the ZIP64 locator is missing');
  const end = readU64(view, locator + 8);
  if (end + 56 > view.byteLength || view.getUint32(end, true) !== ZIP64_EOCD_SIGNATURE) throw corrupt('the ZIP64 directory end is damaged');
  return { count: readU64(view, end + 32), offset: readU64(view, end + 48) };
}

/** ZIP64 moves sizes that do not fit 32 bits into extra field 0x0001, in this fixed order. */
function applyZip64Extra(view: DataView, start: number, length: number, entry: ZipEntry): void {
  const needs = entry.uncompressedSize === U32_MAX || entry.compressedSize === U32_MAX || entry.localHeaderOffset === U32_MAX;
  if (!needs) return;
  let at = start;
  const end = start + length;
  while (at + 4 <= end) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      let field = at + 4;
      const fieldEnd = Math.min(end, field + size);
      const take = (): number => {
        if (field + 8 > fieldEnd) throw corrupt('the ZIP64 extra field is damaged');
        const value = readU64(view, field);
        field += 8;
        return value;
      };
      if (entry.uncompressedSize === U32_MAX) entry.uncompressedSize = take();
      if (entry.compressedSize === U32_MAX) entry.compressedSize = take();
      if (entry.localHeaderOffset === U32_MAX) entry.localHeaderOffset = take();
      return;
    }
    at += 4 + size;
  }
  throw corrupt('a ZIP64 entry lacks its extra field');
}

function readU64(view: DataView, at: number): number {
  // Beyond 2^53 the value is meaningless for a file we hold in memory; Infinity trips every limit.
  const value = view.getUint32(at, true) + view.getUint32(at + 4, true) * 2 ** 32;
  return Number.isSafeInteger(value) ? value : Number.POSITIVE_INFINITY;
}

function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function corrupt(detail: string): IngestError {
  return new IngestError('CORRUPT', `The archive is damaged: ${detail}.`);
}
