/**
 * Writes a search index snapshot: the index hands over its typed arrays and string tables in a
 * fixed order, and `finish` copies them once into parts of a bounded size (a store may cap the
 * size of one value: IndexedDB in Chromium refuses values over about 128 MB), or `views` hands
 * out the stream without copying it, for a consumer that copies anyway (a Blob). The writer keeps
 * references to the index's arrays, so either must be called before the index changes again.
 */
import {
  IndexSnapshotError,
  padded,
  SECTION_HEADER_BYTES,
  SECTION_KINDS,
  SNAPSHOT_LAYOUT_VERSION,
  SNAPSHOT_MAGIC,
  STREAM_HEADER_BYTES,
  utf8Encode,
  type SectionKind,
} from './snapshotFormat.js';

/** Parts of 8 MiB: small enough for any store's single value, few enough to read in one go. */
export const DEFAULT_SNAPSHOT_PART_BYTES = 8 * 1024 * 1024;

interface Section {
  kind: SectionKind;
  count: number;
  bytes: Uint8Array<ArrayBuffer>;
}

/** Padding is at most 7 zero bytes: every padding view is a slice of this one. */
const ZEROS = new Uint8Array(8);

const LONE_SURROGATE = /\p{Cs}/gu;

/**
 * TextEncoder writes each lone surrogate as U+FFFD, one UTF-16 unit like the original, so offsets
 * still hold; the originals are kept as (position, code unit) pairs. The scan for them runs only
 * when the encoded text holds a U+FFFD at all, which real text almost never does.
 */
function loneSurrogates(text: string, bytes: Uint8Array): Uint32Array<ArrayBuffer> {
  let replacement = false;
  for (let at = bytes.indexOf(0xef); at !== -1 && !replacement; at = bytes.indexOf(0xef, at + 1))
    replacement = bytes[at + 1] === 0xbf && bytes[at + 2] === 0xbd;
  if (!replacement) return new Uint32Array(0);
  const pairs: number[] = [];
  for (const match of text.matchAll(LONE_SURROGATE)) pairs.push(match.index, match[0].charCodeAt(0));
  return Uint32Array.from(pairs);
}

export class SnapshotWriter {
  private readonly sections: Section[] = [];
  private total = STREAM_HEADER_BYTES;

  private push(kind: SectionKind, values: ArrayBufferView<ArrayBuffer>, count: number): void {
    const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
    this.sections.push({ kind, count, bytes });
    this.total += SECTION_HEADER_BYTES + padded(bytes.byteLength);
  }

  uint8(values: Uint8Array<ArrayBuffer>): void {
    this.push('uint8', values, values.length);
  }

  int8(values: Int8Array<ArrayBuffer>): void {
    this.push('int8', values, values.length);
  }

  int32(values: Int32Array<ArrayBuffer>): void {
    this.push('int32', values, values.length);
  }

  uint32(values: Uint32Array<ArrayBuffer>): void {
    this.push('uint32', values, values.length);
  }

  float32(values: Float32Array<ArrayBuffer>): void {
    this.push('float32', values, values.length);
  }

  float64(values: Float64Array<ArrayBuffer>): void {
    this.push('float64', values, values.length);
  }

  /** A few scalars (counts, parameters), exactly as doubles. */
  numbers(values: readonly number[]): void {
    this.float64(Float64Array.from(values));
  }

  /** A string table: one UTF-8 run and the UTF-16 end offset of each string, lossless for any JS string. */
  strings(values: readonly string[]): void {
    const ends = new Uint32Array(values.length);
    let end = 0;
    for (let i = 0; i < values.length; i++) {
      end += (values[i] as string).length;
      ends[i] = end;
    }
    const text = values.join('');
    const bytes = utf8Encode(text);
    this.uint32(ends);
    this.push('utf8', bytes, bytes.length);
    this.uint32(loneSurrogates(text, bytes));
  }

  /**
   * The snapshot as views, in order: new headers and padding, and the index's own arrays (not
   * copied). They are valid only until the index changes: copy them at once, e.g. `new Blob(views)`.
   */
  views(): Uint8Array<ArrayBuffer>[] {
    if (this.total > 0xffffffff) throw new IndexSnapshotError('the index is too large for one snapshot');
    const words = (...values: number[]) => new Uint8Array(Uint32Array.from(values).buffer);
    const out = [words(SNAPSHOT_MAGIC, SNAPSHOT_LAYOUT_VERSION, this.total, this.sections.length)];
    for (const { kind, count, bytes } of this.sections) {
      out.push(words(SECTION_KINDS[kind].code, count));
      if (bytes.length > 0) out.push(bytes);
      const padding = padded(bytes.length) - bytes.length;
      if (padding > 0) out.push(ZEROS.subarray(0, padding));
    }
    return out;
  }

  /** The snapshot copied into parts of at most `partBytes` (a multiple of 8), each its own ArrayBuffer. */
  finish(partBytes = DEFAULT_SNAPSHOT_PART_BYTES): Uint8Array<ArrayBuffer>[] {
    if (partBytes < 64 || partBytes % 8 !== 0) throw new RangeError('partBytes must be a multiple of 8, at least 64');
    const total = this.total;
    const parts: Uint8Array<ArrayBuffer>[] = [];
    let part = new Uint8Array(0);
    let at = 0;
    let written = 0;
    for (const view of this.views()) {
      // Copied across part boundaries.
      let from = 0;
      while (from < view.length) {
        if (at === part.length) {
          part = new Uint8Array(Math.min(partBytes, total - written));
          parts.push(part);
          at = 0;
        }
        const n = Math.min(view.length - from, part.length - at);
        part.set(view.subarray(from, from + n), at);
        at += n;
        from += n;
        written += n;
      }
    }
    return parts;
  }
}
