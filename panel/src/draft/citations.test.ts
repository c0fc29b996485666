/**
 * Citation markers map to the source with that number; numbers without a source, and URLs that
 * are not http(s), stay inert.
 */
import { describe, expect, it } from 'vitest';
import { citedSource } from './draftFixtures';
import { openableUrl, segmentDraft, snippetOf } from './citations';

describe('segmentDraft', () => {
  const sources = [citedSource(1), citedSource(3)];

  it('turns markers of known sources into citations, in order', () => {
    expect(segmentDraft('Refunds take 5 days [1]. Shipping is free [3][1].', sources)).toEqual([
      { kind: 'text', text: 'Refunds take 5 days ' },
      { kind: 'citation', n: 1, source: sources[0] },
      { kind: 'text', text: '. Shipping is free ' },
      { kind: 'citation', n: 3, source: sources[1] },
      { kind: 'citation', n: 1, source: sources[0] },
      { kind: 'text', text: '.' },
    ]);
  });

  it('keeps markers without a source as plain text', () => {
    expect(segmentDraft('See [2] and [0] and [12345] and [x].', sources)).toEqual([
      { kind: 'text', text: 'See [2] and [0] and [12345] and [x].' },
    ]);
  });

  it('handles empty text and text without markers', () => {
    expect(segmentDraft('', sources)).toEqual([]);
    expect(segmentDraft('Hello', [])).toEqual([{ kind: 'text', text: 'Hello' }]);
  });
});

describe('openableUrl', () => {
  it('opens only http(s) URLs', () => {
    expect(openableUrl('https://help.example.com/a?b=1')).toBe('https://help.example.com/a?b=1');
    expect(openableUrl('http://intranet/faq')).toBe('http://intranet/faq');
    expect(openableUrl('javascript:alert(1)')).toBeUndefined();
    expect(openableUrl('data:text/html,<script>alert(1)</script>')).toBeUndefined();
    expect(openableUrl('/relative/path')).toBeUndefined();
    expect(openableUrl(undefined)).toBeUndefined();
  });
});

describe('snippetOf', () => {
  it('collapses whitespace and shortens long passages', () => {
    expect(snippetOf(citedSource(1, { text: ' a\n\n b ' }))).toBe('a b');
    expect(snippetOf(citedSource(1, { text: 'x'.repeat(300) }), 10)).toBe('xxxxxxxxx…');
  });
});
