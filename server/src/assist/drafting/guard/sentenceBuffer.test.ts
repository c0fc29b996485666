// The guard's sentence buffer: whole sentences out, never more than one held back, linear.
import { describe, expect, it } from 'vitest';
import { MAX_HOLD_CHARS, SentenceBuffer, type Segment } from './sentenceBuffer.js';
import { fastestCpuMs } from '../../../testing/cpuTime.js';

function feed(chunks: readonly string[], max?: number): Segment[] {
  const buffer = new SentenceBuffer(max);
  return [...chunks.flatMap((c) => buffer.push(c)), ...buffer.flush()];
}

describe('SentenceBuffer', () => {
  it('releases a sentence once its end and the space after it have arrived, whatever the chunking', () => {
    const buffer = new SentenceBuffer();
    expect(buffer.push('Refunds take five ')).toEqual([]);
    expect(buffer.push('days [1].')).toEqual([]);
    expect(buffer.push(' Anything')).toEqual([{ text: 'Refunds take five days [1]. ', midRun: false }]);
    expect(buffer.push(' else?\nThanks')).toEqual([{ text: 'Anything else?\n', midRun: false }]);
    expect(buffer.flush()).toEqual([{ text: 'Thanks', midRun: false }]);
  });

  it('does not cut URLs, decimals or abbreviations glued to the next character', () => {
    const texts = feed(['See https://help.example.com/a.b?x=1. Price 12.50 e.g.x done']).map((s) => s.text);
    expect(texts).toEqual(['See https://help.example.com/a.b?x=1. ', 'Price 12.50 e.g.x done']);
  });

  it('ends a Chinese or Japanese sentence at its full stop without a space', () => {
    expect(feed(['退款已处理。请稍等！好的']).map((s) => s.text)).toEqual(['退款已处理。', '请稍等！', '好的']);
  });

  it('cuts a sentence that runs on at its last space within the bound, and a giant run inside it', () => {
    const words = 'word '.repeat(100);
    const segments = feed([words]);
    expect(segments.every((s) => s.text.length <= MAX_HOLD_CHARS)).toBe(true);
    expect(segments.map((s) => s.text).join('')).toBe(words);
    expect(segments.some((s) => s.midRun)).toBe(false);

    const run = feed(['x'.repeat(1000)]);
    expect(run.map((s) => s.text.length)).toEqual([MAX_HOLD_CHARS, MAX_HOLD_CHARS, MAX_HOLD_CHARS, 1000 - 3 * MAX_HOLD_CHARS]);
    expect(run.map((s) => s.midRun)).toEqual([true, true, true, false]);
  });

  it('never cuts a run between the two halves of a surrogate pair', () => {
    const segments = feed([`${'a'.repeat(MAX_HOLD_CHARS - 1)}${'😀'.repeat(200)}`]);
    expect(segments[0]?.text).toBe('a'.repeat(MAX_HOLD_CHARS - 1));
    expect(segments.every((s) => !/[\uD800-\uDBFF]$|^[\uDC00-\uDFFF]/.test(s.text))).toBe(true);
  });

  it('keeps every character, in order, for any chunking', () => {
    const text = 'Hi Ana.\nYour order #W1 is late. We are sorry!  More soon… 再见。 ok';
    for (let size = 1; size <= 7; size++) {
      const chunks: string[] = [];
      for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
      expect(
        feed(chunks, 16)
          .map((s) => s.text)
          .join(''),
      ).toBe(text);
    }
  });

  it('takes time linear in the stream, one character at a time or all at once', () => {
    const timed = (n: number): number => {
      const text = 'a'.repeat(n);
      return fastestCpuMs(() => {
        const buffer = new SentenceBuffer();
        for (const c of text) buffer.push(c);
        buffer.push(`${'b. '.repeat(n / 3)}`);
        // One large chunk with no boundary: every forced cut must go on from where the scan stopped.
        buffer.push('!?.'.repeat(n / 3));
        buffer.flush();
      });
    };
    // Warmed up first, so the JIT does not make the small run look slow; quadratic would be ~256× for 16× the input.
    timed(64_000);
    const small = Math.max(timed(4_000), 1);
    expect(timed(64_000) / small).toBeLessThan(64);
  });
});
