/**
 * Reads a search index snapshot back in the order it was written. Numeric sections come back as
 * views of one buffer (no copy), so restoring is mostly allocation-free; every section is checked
 * for its kind and bounds, and a truncated or padded stream is refused, so damage surfaces as an
 * IndexSnapshotError rather than as a wrong index. The reader owns the parts it is given.
 */
import {
  IndexSnapshotError,
  padded,
  SECTION_HEADER_BYTES,
  SECTION_KINDS,
  SNAPSHOT_LAYOUT_VERSION,
  SNAPSHOT_MAGIC,
  STREAM_HEADER_BYTES,
  utf8Decode,
  type SectionKind,
} from './snapshotFormat.js';

/** One buffer starting at offset 0, so every 8-aligned section can be viewed as its typed array. */
function joined(parts: readonly Uint8Array<ArrayBuffer>[]): Uint8Array<ArrayBuffer> {
  const [only] = parts;
  if (parts.length === 1 && only !== undefined && only.byteOffset % 8 === 0) return only;
  let total = 0;
  for (const part of parts) total += part.length;
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return bytes;
}

export class SnapshotReader {
  private readonly bytes: Uint8Array<ArrayBuffer>;
  private offset = STREAM_HEADER_BYTES;
  private sectionsLeft: number;

  constructor(parts: readonly Uint8Array<ArrayBuffer>[]) {
    this.bytes = joined(parts);
    if (this.bytes.length < STREAM_HEADER_BYTES) throw new IndexSnapshotError('the snapshot is truncated');
    const [magic, layout, total, sections] = new Uint32Array(this.bytes.buffer, this.bytes.byteOffset, 4);
    if (magic !== SNAPSHOT_MAGIC) throw new IndexSnapshotError('not an index snapshot');
    if (layout !== SNAPSHOT_LAYOUT_VERSION) throw new IndexSnapshotError(`snapshot layout ${layout}, expected ${SNAPSHOT_LAYOUT_VERSION}`);
    if (total !== this.bytes.length) throw new IndexSnapshotError(`the snapshot holds ${this.bytes.length} bytes of ${total}`);
    this.sectionsLeft = sections as number;
  }

  /** The next section's payload bytes, checked to be of `kind`. */
  private section(kind: SectionKind): { offset: number; count: number } {
    if (this.sectionsLeft === 0 || this.offset + SECTION_HEADER_BYTES > this.bytes.length)
      throw new IndexSnapshotError('the snapshot ends early');
    const [code, count] = new Uint32Array(this.bytes.buffer, this.bytes.byteOffset + this.offset, 2) as unknown as [number, number];
    const expected = SECTION_KINDS[kind];
    if (code !== expected.code) throw new IndexSnapshotError(`expected a ${kind} section, found kind ${code}`);
    const offset = this.offset + SECTION_HEADER_BYTES;
    const end = offset + padded(count * expected.bytes);
    if (end > this.bytes.length) throw new IndexSnapshotError('a section runs past the end of the snapshot');
    this.offset = end;
    this.sectionsLeft -= 1;
    return { offset: this.bytes.byteOffset + offset, count };
  }

  uint8(): Uint8Array<ArrayBuffer> {
    const { offset, count } = this.section('uint8');
    return new Uint8Array(this.bytes.buffer, offset, count);
  }

  int8(): Int8Array<ArrayBuffer> {
    const { offset, count } = this.section('int8');
    return new Int8Array(this.bytes.buffer, offset, count);
  }

  int32(): Int32Array<ArrayBuffer> {
    const { offset, count } = this.section('int32');
    return new Int32Array(this.bytes.buffer, offset, count);
  }

  uint32(): Uint32Array<ArrayBuffer> {
    const { offset, count } = this.section('uint32');
    return new Uint32Array(this.bytes.buffer, offset, count);
  }

  float32(): Float32Array<ArrayBuffer> {
    const { offset, count } = this.section('float32');
    return new Float32Array(this.bytes.buffer, offset, count);
  }

  float64(): Float64Array<ArrayBuffer> {
    const { offset, count } = this.section('float64');
    return new Float64Array(this.bytes.buffer, offset, count);
  }

  /** Scalars written with `numbers`; exactly `count` of them. */
  numbers(count: number): number[] {
    const values = this.float64();
    if (values.length !== count) throw new IndexSnapshotError(`expected ${count} numbers, found ${values.length}`);
    return Array.from(values);
  }

  /** A string table written with `strings`: slices of one decoded string (cheap in V8). */
  strings(): string[] {
    const ends = this.uint32();
    const { offset, count } = this.section('utf8');
    let text = utf8Decode(new Uint8Array(this.bytes.buffer, offset, count));
    const lone = this.uint32();
    if (lone.length > 0) text = withLoneSurrogates(text, lone);
    const out = new Array<string>(ends.length);
    let start = 0;
    for (let i = 0; i < ends.length; i++) {
      const end = ends[i] as number;
      if (end < start || end > text.length) throw new IndexSnapshotError('a string table is inconsistent');
      out[i] = text.slice(start, end);
      start = end;
    }
    if (start !== text.length) throw new IndexSnapshotError('a string table is inconsistent');
    return out;
  }

  /** Every section was read and nothing trails them: the reader and the writer agreed throughout. */
  end(): void {
    if (this.sectionsLeft !== 0 || this.offset !== this.bytes.length) throw new IndexSnapshotError('the snapshot has unread sections');
  }
}

/** Puts back the lone surrogates TextEncoder replaced with U+FFFD. */
function withLoneSurrogates(text: string, pairs: Uint32Array): string {
  if (pairs.length % 2 !== 0) throw new IndexSnapshotError('a string table is inconsistent');
  const pieces: string[] = [];
  let last = 0;
  for (let i = 0; i < pairs.length; i += 2) {
    const at = pairs[i] as number;
    const unit = pairs[i + 1] as number;
    if (at < last || text.charCodeAt(at) !== 0xfffd || unit < 0xd800 || unit > 0xdfff)
      throw new IndexSnapshotError('a string table is inconsistent');
    pieces.push(text.slice(last, at), String.fromCharCode(unit));
    last = at + 1;
  }
  pieces.push(text.slice(last));
  return pieces.join('');
}
