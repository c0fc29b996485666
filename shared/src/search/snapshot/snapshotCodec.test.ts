/**
 * The snapshot container: every section kind round-trips exactly across part boundaries, string
 * tables keep any JS string (lone surrogates included), and damage is refused with an
 * IndexSnapshotError instead of being read as something else.
 */
import { describe, expect, it } from 'vitest';
import { IndexSnapshotError } from './snapshotFormat.js';
import { SnapshotReader } from './snapshotReader.js';
import { SnapshotWriter } from './snapshotWriter.js';

const STRINGS = ['', 'plain', 'Rückerstattung', '返金について', 'emoji 🧾 pair', 'lone \ud800 high', 'lone \udc00 low', 'end \ud83d'];

function written(partBytes: number) {
  const writer = new SnapshotWriter();
  writer.uint8(Uint8Array.of(1, 2, 255));
  writer.int8(Int8Array.of(-128, 0, 127));
  writer.int32(Int32Array.of(-1, 0, 2 ** 31 - 1));
  writer.uint32(Uint32Array.of(0, 2 ** 32 - 1));
  writer.float32(Float32Array.of(0.1, -3.5, Number.NaN));
  writer.strings(STRINGS);
  writer.numbers([Math.PI, -0, 2 ** 53]);
  writer.strings([]);
  return writer.finish(partBytes);
}

function readAll(parts: Uint8Array<ArrayBuffer>[]) {
  const reader = new SnapshotReader(parts);
  const out = {
    uint8: Array.from(reader.uint8()),
    int8: Array.from(reader.int8()),
    int32: Array.from(reader.int32()),
    uint32: Array.from(reader.uint32()),
    float32: Array.from(reader.float32()),
    strings: reader.strings(),
    numbers: reader.numbers(3),
    empty: reader.strings(),
  };
  reader.end();
  return out;
}

describe('index snapshot container', () => {
  it('round-trips every kind of section, in one part or cut into many', () => {
    const expected = {
      uint8: [1, 2, 255],
      int8: [-128, 0, 127],
      int32: [-1, 0, 2 ** 31 - 1],
      uint32: [0, 2 ** 32 - 1],
      float32: [Math.fround(0.1), -3.5, Number.NaN],
      strings: STRINGS,
      numbers: [Math.PI, -0, 2 ** 53],
      empty: [],
    };
    const whole = written(1 << 20);
    expect(whole).toHaveLength(1);
    expect(readAll(whole)).toEqual(expected);
    const cut = written(64);
    expect(cut.length).toBeGreaterThan(4);
    expect(cut.slice(0, -1).every((part) => part.length === 64)).toBe(true);
    expect(readAll(cut)).toEqual(expected);
  });

  it('keeps lone surrogates that UTF-8 cannot carry, and a real U+FFFD as it is', () => {
    const writer = new SnapshotWriter();
    writer.strings(['a\ud800b', 'replacement \ufffd stays', '\udfff']);
    const reader = new SnapshotReader(writer.finish());
    expect(reader.strings()).toEqual(['a\ud800b', 'replacement \ufffd stays', '\udfff']);
  });

  it('refuses a truncated snapshot, a missing part and trailing bytes', () => {
    const parts = written(64);
    const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const part of parts) {
      bytes.set(part, at);
      at += part.length;
    }
    expect(() => new SnapshotReader([bytes.slice(0, bytes.length - 8)])).toThrow(IndexSnapshotError);
    expect(() => new SnapshotReader([...parts.slice(0, 2), ...parts.slice(3)])).toThrow(IndexSnapshotError);
    const longer = new Uint8Array(bytes.length + 8);
    longer.set(bytes);
    expect(() => new SnapshotReader([longer])).toThrow(IndexSnapshotError);
    expect(() => new SnapshotReader([new Uint8Array(4)])).toThrow(IndexSnapshotError);
  });

  it('refuses a section of the wrong kind, another layout, damaged strings and unread sections', () => {
    const parts = written(1 << 20);
    expect(() => new SnapshotReader(parts).int8()).toThrow(/expected a int8 section/);

    const otherLayout = written(1 << 20)[0] as Uint8Array<ArrayBuffer>;
    new Uint32Array(otherLayout.buffer)[1] = 99;
    expect(() => new SnapshotReader([otherLayout])).toThrow(/layout 99/);

    const writer = new SnapshotWriter();
    writer.strings(['abc', 'déf']);
    const [damaged] = writer.finish() as [Uint8Array<ArrayBuffer>];
    // The UTF-8 run starts after the stream header, the offsets section (8 + 8 bytes) and its own header.
    damaged[16 + 16 + 8 + 4] = 0xff;
    expect(() => new SnapshotReader([damaged]).strings()).toThrow(IndexSnapshotError);

    const unread = new SnapshotReader(written(1 << 20));
    unread.uint8();
    expect(() => unread.end()).toThrow(/unread sections/);
  });
});
