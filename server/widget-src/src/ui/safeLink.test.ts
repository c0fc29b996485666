// @vitest-environment jsdom
// Citation links: http(s) only, opened safely; anything else is no link at all.
import { describe, expect, it } from 'vitest';
import { externalLink, safeHttpUrl } from './safeLink.js';

describe('safeHttpUrl', () => {
  it('keeps http and https links', () => {
    expect(safeHttpUrl('https://help.example/returns#refunds')).toBe('https://help.example/returns#refunds');
    expect(safeHttpUrl('  HTTP://help.example/a b ')).toBe('http://help.example/a%20b');
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'http:example.com',
    '//evil.example/x',
    '/relative',
    'https://user:pass@help.example/',
    'https://',
    '',
  ])('refuses %j', (raw) => expect(safeHttpUrl(raw)).toBeUndefined());
});

describe('externalLink', () => {
  it('opens in a new tab without opener or referrer, with the title as text', () => {
    const a = externalLink(document, 'https://help.example/returns', '<img src=x onerror=alert(1)>');
    expect(a?.getAttribute('href')).toBe('https://help.example/returns');
    expect(a?.target).toBe('_blank');
    expect(a?.rel).toBe('noopener noreferrer');
    expect(a?.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(a?.children).toHaveLength(0);
  });

  it('makes no link of a javascript: URL', () => {
    expect(externalLink(document, 'javascript:alert(1)', 'Returns')).toBeUndefined();
  });
});
