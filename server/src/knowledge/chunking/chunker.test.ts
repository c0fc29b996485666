import { describe, expect, it } from 'vitest';
import type { Block, ParsedDocument } from '../parsing/parsedDocument.js';
import { chunkDocument } from './chunker.js';

const doc = (blocks: Block[]): ParsedDocument => ({ title: 'Harbor Lane help', blocks });
const h = (level: number, text: string): Block => ({ kind: 'heading', level, text });
const p = (text: string): Block => ({ kind: 'paragraph', text });
const li = (text: string): Block => ({ kind: 'listItem', text });
const row = (text: string): Block => ({ kind: 'tableRow', text });

/** Numbered sentences of about 60 characters, so sizes and cuts are easy to reason about. */
const sentences = (from: number, count: number): string =>
  Array.from({ length: count }, (_, i) => `Sentence ${from + i} explains one more detail of the refund rules.`).join(' ');

describe('chunkDocument', () => {
  it('tracks the heading stack as the section path and starts the first chunk of a section with its heading', () => {
    const chunks = chunkDocument(
      doc([
        p('Harbor Lane sells outdoor clothing online and in three stores, and this guide covers our refund rules.'),
        h(1, 'Refunds'),
        p('Refunds go back to the original payment method within five business days of the parcel arriving.'),
        h(2, 'Exceptions'),
        p('Gift cards and final-sale items cannot be refunded, but they can be exchanged for another size.'),
        h(3, 'Personalised items'),
        p('Items engraved or embroidered to order are final sale unless they arrive damaged or faulty.'),
        h(2, 'Timing'),
        p('Card refunds appear within five days; bank transfers can take up to ten business days to arrive.'),
        h(1, 'Exchanges'),
        p('Exchanges for a different size are free, and we ship the new item before the old one comes back.'),
      ]),
      { minChars: 0 },
    );
    expect(chunks.map((chunk) => chunk.sectionPath)).toEqual([
      [],
      ['Refunds'],
      ['Refunds', 'Exceptions'],
      ['Refunds', 'Exceptions', 'Personalised items'],
      ['Refunds', 'Timing'],
      ['Exchanges'],
    ]);
    expect(chunks.map((chunk) => chunk.ordinal)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(chunks[0]?.text).toMatch(/^Harbor Lane sells/);
    expect(chunks[3]?.text).toBe(
      'Personalised items\n\nItems engraved or embroidered to order are final sale unless they arrive damaged or faulty.',
    );
    for (const chunk of chunks) expect(chunk.text).not.toContain('Refunds >');
  });

  it('packs blocks up to maxChars and never exceeds it', () => {
    const blocks = [h(1, 'Refunds'), ...Array.from({ length: 12 }, (_, i) => p(sentences(i * 3, 3)))];
    const chunks = chunkDocument(doc(blocks), { maxChars: 500, overlapChars: 0 });
    expect(chunks.length).toBeGreaterThan(3);
    for (const chunk of chunks) expect(chunk.text.length).toBeLessThanOrEqual(500);
    // Every paragraph appears whole, in order.
    const text = chunks.map((chunk) => chunk.text).join('\n\n');
    for (let i = 0; i < 36; i++) expect(text).toContain(`Sentence ${i} explains`);
    expect(chunks[0]?.text.startsWith('Refunds\n\n')).toBe(true);
    expect(chunks[1]?.text.startsWith('Refunds')).toBe(false);
  });

  it('repeats whole tail sentences of the previous chunk in the same section, within overlapChars', () => {
    const chunks = chunkDocument(doc([h(1, 'Refunds'), p(sentences(0, 30))]), { maxChars: 400, overlapChars: 150 });
    expect(chunks.length).toBeGreaterThan(2);
    const numbers = (text: string): number[] =>
      [...text.matchAll(/Sentence (\d+) explains one more detail of the refund rules\./g)].map((m) => Number(m[1]));
    for (let i = 1; i < chunks.length; i++) {
      const previous = chunks[i - 1]!.text;
      const current = chunks[i]!.text;
      const before = numbers(previous);
      const now = numbers(current);
      const lastBefore = before.at(-1)!;
      // The chunk opens with the previous chunk's last sentences, whole, then carries on in order.
      const repeated = now.filter((n) => n <= lastBefore);
      expect(repeated.length).toBeGreaterThan(0);
      expect(before.slice(-repeated.length)).toEqual(repeated);
      expect(now.slice(repeated.length)[0]).toBe(lastBefore + 1);
      expect(previous.endsWith(current.slice(0, current.indexOf(`Sentence ${lastBefore + 1} `)).trim())).toBe(true);
      expect(current.indexOf(`Sentence ${lastBefore + 1} `)).toBeLessThanOrEqual(151);
      expect(current.length).toBeLessThanOrEqual(400);
    }
  });

  it('does not carry overlap across sections or into table rows', () => {
    const chunks = chunkDocument(
      doc([
        h(1, 'Refunds'),
        p(sentences(0, 5)),
        h(1, 'Plans'),
        ...Array.from({ length: 10 }, (_, i) => row(`Plan: Tier ${i} | Refund window: ${30 + i} days | Restocking fee: none`)),
      ]),
      { maxChars: 300, overlapChars: 120, minChars: 0 },
    );
    const plans = chunks.filter((chunk) => chunk.sectionPath[0] === 'Plans');
    expect(plans[0]?.text.startsWith('Plans\n\nPlan: Tier 0')).toBe(true);
    for (const chunk of plans.slice(1)) expect(chunk.text).toMatch(/^Plan: Tier \d+ \| Refund window/);
    const rows = plans.flatMap((chunk) => chunk.text.split('\n').filter((line) => line.startsWith('Plan: ')));
    expect(rows).toHaveLength(10);
  });

  it('never splits a list item or table row that fits, and splits one that does not at sentences', () => {
    const items = Array.from({ length: 8 }, (_, i) => li(`Step ${i}: pack the item with its tags and the slip, then seal the box well.`));
    const chunks = chunkDocument(doc([h(2, 'Returning an item'), ...items]), { maxChars: 250, overlapChars: 0 });
    for (const chunk of chunks) {
      for (const line of chunk.text.split('\n').filter((l) => l.startsWith('- '))) {
        expect(line).toMatch(/^- Step \d: pack the item with its tags and the slip, then seal the box well\.$/);
      }
    }
    expect(chunks.flatMap((chunk) => chunk.text.split('\n')).filter((line) => line.startsWith('- Step'))).toHaveLength(8);

    const huge = li(sentences(0, 10));
    const split = chunkDocument(doc([huge]), { maxChars: 200, overlapChars: 0 });
    expect(split.length).toBeGreaterThan(2);
    for (const chunk of split) {
      expect(chunk.text.length).toBeLessThanOrEqual(200);
      expect(chunk.text).toMatch(/rules\.$/);
    }
  });

  it('cuts an overlong sentence at words, and an overlong word hard', () => {
    const words = Array.from({ length: 80 }, (_, i) => `word${i}`).join(' ');
    const chunks = chunkDocument(doc([p(words), p('x'.repeat(130))]), { maxChars: 60, overlapChars: 0, minChars: 0 });
    for (const chunk of chunks) expect(chunk.text.length).toBeLessThanOrEqual(60);
    const all = chunks.map((chunk) => chunk.text).join(' ');
    expect(all).toContain('word0 word1');
    expect(all).toContain('word79');
    expect(chunks.filter((chunk) => /^x+$/.test(chunk.text)).map((chunk) => chunk.text.length)).toEqual([60, 60, 10]);
  });

  it('merges a tiny section into its neighbours instead of leaving a scrap chunk', () => {
    const chunks = chunkDocument(
      doc([
        h(1, 'Refunds'),
        p('Last updated in May.'),
        h(2, 'Timing'),
        p(sentences(0, 3)),
        h(2, 'Contact'),
        p('Email the returns desk.'),
        h(1, 'Exchanges'),
        p(sentences(10, 3)),
      ]),
      { maxChars: 1200, minChars: 100 },
    );
    expect(chunks.map((chunk) => chunk.sectionPath)).toEqual([['Refunds'], ['Exchanges']]);
    // The intro is folded forward into its first subsection, the trailing sibling back into the section.
    expect(chunks[0]?.text).toMatch(/^Refunds\n\nLast updated in May\.\n\nTiming\n\nSentence 0/);
    expect(chunks[0]?.text).toMatch(/Contact\n\nEmail the returns desk\.$/);
  });

  it('is deterministic and does not depend on defaults changing between calls', () => {
    const input = doc([h(1, 'Refunds'), p(sentences(0, 40)), h(2, 'Table'), row('Plan: Basic | Window: 30 days'), li('Keep the receipt')]);
    const first = chunkDocument(input);
    const second = chunkDocument(structuredClone(input));
    expect(second).toEqual(first);
    for (const chunk of first) expect(chunk.text.length).toBeLessThanOrEqual(1200);
  });

  it('returns nothing for an empty document and keeps a headings-only document', () => {
    expect(chunkDocument(doc([]))).toEqual([]);
    expect(chunkDocument(doc([h(1, 'Slide 1: Thank you')]))).toEqual([{ ordinal: 0, text: 'Slide 1: Thank you', sectionPath: [] }]);
  });

  it('rejects a maxChars too small to hold text', () => {
    expect(() => chunkDocument(doc([p('Hi')]), { maxChars: 5 })).toThrow(RangeError);
  });
});
