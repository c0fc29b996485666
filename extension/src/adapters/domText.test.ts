// @vitest-environment jsdom
/**
 * readableText: rendered text only, with block structure kept as line breaks.
 */
import { describe, expect, it } from 'vitest';
import { clampText, readableText, singleLineText } from './domText';

function fragment(html: string): HTMLElement {
  const container = document.createElement('div');
  container.innerHTML = html;
  return container;
}

describe('readableText', () => {
  it('breaks lines at blocks and <br>, and collapses spaces within a line', () => {
    expect(readableText(fragment('Hello   there,<p>second\n   paragraph</p><div><div>nested</div></div>a<br>b'))).toBe(
      'Hello there,\nsecond paragraph\nnested\na\nb',
    );
  });

  it('leaves out script, style and template contents', () => {
    expect(readableText(fragment('a<script>alert(1)</script><style>p{}</style><template>t</template>b'))).toBe('ab');
  });

  it('keeps at most one blank line between paragraphs', () => {
    expect(readableText(fragment('<p>one</p><br><br><br><p>two</p>'))).toBe('one\n\ntwo');
  });
});

describe('singleLineText and clampText', () => {
  it('flattens text to one line', () => {
    expect(singleLineText(fragment('<p>Order</p> <p>5512</p>'))).toBe('Order 5512');
  });

  it('clamps to the limit with an ellipsis', () => {
    expect(clampText('abcdef', 4)).toBe('abc…');
    expect(clampText('abc', 4)).toBe('abc');
  });
});
