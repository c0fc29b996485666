import { describe, expect, it } from 'vitest';
import { CitationFilter } from './citationFilter.js';

function run(chunks: string[], sources = 3) {
  const filter = new CitationFilter(sources);
  const text = chunks.map((c) => filter.push(c)).join('') + filter.flush();
  return { text, citations: filter.citations };
}

describe('CitationFilter', () => {
  it('keeps valid citations and records them, whatever the token boundaries', () => {
    const reply = 'Refunds take 5 days [2]. Keep the receipt [1, 3].';
    for (let cut = 1; cut < reply.length; cut++) {
      const { text, citations } = run([reply.slice(0, cut), reply.slice(cut)]);
      expect(text).toBe(reply);
      expect(citations).toEqual([1, 2, 3]);
    }
  });

  it('drops citations to sources that were never sent', () => {
    expect(run(['See [7] and [0], or [2, 9].'])).toEqual({ text: 'See  and , or [2].', citations: [2] });
  });

  it('passes placeholders and ordinary brackets through untouched', () => {
    const reply = 'We wrote to [EMAIL_1] [sic] about item [A-12] and [ 2 ';
    expect(run(reply.split(''))).toEqual({ text: reply, citations: [] });
  });
});
