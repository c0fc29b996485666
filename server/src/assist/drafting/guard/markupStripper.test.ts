// HTML never reaches the agent: tags and comments go, text stays, across segment cuts.
import { describe, expect, it } from 'vitest';
import { MarkupStripper } from './markupStripper.js';

describe('MarkupStripper', () => {
  it('removes tags with their attributes and keeps the text between them', () => {
    const stripper = new MarkupStripper();
    expect(stripper.strip('Hi <b>Ana</b>, see <img src=x onerror="alert(1)"> this<br/>.', true)).toBe('Hi Ana, see  this.');
    expect(stripper.removed).toBe(4);
  });

  it('keeps a < that opens no tag (prices, hearts, comparisons)', () => {
    expect(new MarkupStripper().strip('Orders < $50 ship free <3, and 2<3.', true)).toBe('Orders < $50 ship free <3, and 2<3.');
  });

  it('removes a tag cut over two segments, and a comment with a > inside', () => {
    const stripper = new MarkupStripper();
    expect(stripper.strip('Look <img alt="Hi. ')).toBe('Look ');
    expect(stripper.strip('There" onerror=alert(1)> done. <')).toBe(' done. ');
    expect(stripper.strip('script>steal()</script> <!-- a > b --> end', true)).toBe('steal()  end');
  });

  it('drops an unclosed tag at the end of the stream and keeps a lone < there', () => {
    expect(new MarkupStripper().strip('Thanks <img src=x onerror=alert(1)', true)).toBe('Thanks ');
    const stripper = new MarkupStripper();
    expect(stripper.strip('a <')).toBe('a ');
    expect(stripper.strip('', true)).toBe('<');
  });

  it('lets an unclosed "tag" swallow at most a bounded stretch of prose', () => {
    const out = new MarkupStripper().strip(`if x<y then ${'z'.repeat(3000)}`, true);
    expect(out.length).toBeGreaterThan(1900);
  });
});
