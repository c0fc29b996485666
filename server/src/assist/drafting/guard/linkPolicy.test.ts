// Links only to the workspace's own hosts, over http(s); everything else loses its target.
import { describe, expect, it } from 'vitest';
import { LINK_NOTE, filterLinks, linkPolicy } from './linkPolicy.js';

const policy = linkPolicy(['https://help.acme.example/articles/12', undefined, 'not a url'], ['acme-shop.example']);
const filtered = (text: string) => filterLinks(text, policy).text;

describe('linkPolicy', () => {
  it('allows http(s) to a source’s host and to an allowed domain with its subdomains, nothing else', () => {
    expect(policy.allows('https://help.acme.example/other')).toBe(true);
    expect(policy.allows('http://acme-shop.example/cart')).toBe(true);
    expect(policy.allows('https://eu.acme-shop.example/')).toBe(true);
    expect(policy.allows('https://acme.example/')).toBe(false);
    expect(policy.allows('https://evil-acme-shop.example/')).toBe(false);
    expect(policy.allows('https://help.acme.example@evil.example/')).toBe(false);
    expect(policy.allows('ftp://help.acme.example/')).toBe(false);
    expect(policy.allows('javascript:alert(1)')).toBe(false);
  });
});

describe('filterLinks', () => {
  it('keeps allowed links and removes the target of any other markdown link, keeping its words', () => {
    expect(filtered('See [our guide](https://help.acme.example/a "Guide") now.')).toBe(
      'See [our guide](https://help.acme.example/a "Guide") now.',
    );
    expect(filtered('Claim it [here](https://refunds.evil.example/claim).')).toBe('Claim it here.');
    expect(filtered('![pixel](https://evil.example/p.gif)Hi')).toBe('Hi');
  });

  it('removes javascript:, data: and vbscript: URLs wherever they are, but not "JavaScript: enable it"', () => {
    expect(filtered('[Click](javascript:alert(document.cookie)) now')).toBe(`[Click]${LINK_NOTE} now`);
    expect(filtered('Open data:text/html;base64,PHNjcmlwdD4= please')).toBe(`Open ${LINK_NOTE} please`);
    expect(filtered('JAVASCRIPT:alert(1)')).toBe(LINK_NOTE);
    expect(filtered('Please turn on JavaScript: it is off.')).toBe('Please turn on JavaScript: it is off.');
  });

  it('removes bare URLs, www. addresses and bare domains to other hosts, keeping sentence punctuation', () => {
    expect(filtered('Pay at https://evil.example/pay?x=1.')).toBe(`Pay at ${LINK_NOTE}.`);
    expect(filtered('Visit www.refund-now.com, quickly')).toBe(`Visit ${LINK_NOTE}, quickly`);
    expect(filtered('Go to refund-center.net/claim today')).toBe(`Go to ${LINK_NOTE} today`);
    expect(filtered('Our page https://help.acme.example/a (or acme-shop.example).')).toBe(
      'Our page https://help.acme.example/a (or acme-shop.example).',
    );
  });

  it('leaves e-mail addresses, file names, versions and prices alone', () => {
    const text = 'Write to ana@example.com, attach invoice.pdf from Node.js 20.1, total $12.50.';
    expect(filterLinks(text, policy)).toEqual({ text, removed: 0 });
  });

  it('counts what it removed', () => {
    expect(filterLinks('a https://x.example/ b [c](https://y.example) javascript:void(0)', policy).removed).toBe(3);
  });
});
