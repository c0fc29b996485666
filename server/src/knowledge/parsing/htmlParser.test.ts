import { describe, expect, it } from 'vitest';
import { extractLinks } from './htmlParser.js';
import { parseDocument } from './registry.js';
import { encode, failureCode } from './testFixtures.js';

const ARTICLE_PAGE = `<!doctype html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>Refunds | Harbor Lane Help Centre</title>
  <meta property="og:title" content="Refunds and returns">
  <style>.banner { color: red; } body::after { content: "STYLE_TEXT"; }</style>
  <script>window.trackingId = 'SCRIPT_TEXT'; document.write('<p>injected</p>');</script>
</head>
<body>
  <nav><a href="/">Home</a> <a href="/shipping">Shipping</a> <a href="/contact">Contact</a></nav>
  <main>
    <article>
      <h1>Refunds and returns</h1>
      <p>You can return unworn items within <strong>30&nbsp;days</strong> of delivery. Refunds go back to the original
         payment method once the parcel reaches our warehouse in Harbor&nbsp;Lane, which usually takes five business days.</p>
      <h2>What you need</h2>
      <p onclick="steal('ONCLICK_TEXT')">Pack the items in their original box where you can, and include the packing slip
         so Tom &amp; the returns team can match the parcel to your order quickly.</p>
      <img src="x.png" alt="a box" onerror="alert('ONERROR_TEXT')">
      <ul>
        <li>The packing slip or order number</li>
        <li>All original tags
          <ul><li>Tags sewn into seams count too</li></ul>
        </li>
      </ul>
      <ol><li>Open the order page</li><li>Choose <em>Return items</em></li></ol>
      <h3>Return windows by plan</h3>
      <table>
        <thead><tr><th>Plan</th><th>Window</th></tr></thead>
        <tbody><tr><td>Basic</td><td>30 days</td></tr><tr><td>Plus</td><td>60 days</td></tr></tbody>
      </table>
      <noscript>NOSCRIPT_TEXT</noscript>
      <p>Questions about a refund? Our support team answers every message within two hours on business days, and
         within a day at weekends, so you are never left waiting long for an answer about your money.</p>
    </article>
  </main>
  <footer>Copyright Harbor Lane Outfitters</footer>
  <script>console.log('SCRIPT_TEXT_2')</script>
</body>
</html>`;

describe('htmlParser', () => {
  it('extracts the main content as headings, paragraphs, list items and keyed table rows, with title and language', async () => {
    const doc = await parseDocument({ bytes: encode(ARTICLE_PAGE), fileName: 'refunds.html' });
    expect(doc.title).toBe('Refunds and returns');
    expect(doc.language).toBe('en-GB');
    const kinds = doc.blocks.map((block) => (block.kind === 'heading' ? `h${block.level}` : block.kind));
    expect(kinds).toContain('h2');
    expect(doc.blocks).toContainEqual({ kind: 'heading', level: 2, text: 'What you need' });
    expect(doc.blocks).toContainEqual({ kind: 'heading', level: 3, text: 'Return windows by plan' });
    expect(doc.blocks).toContainEqual({ kind: 'listItem', text: 'The packing slip or order number' });
    expect(doc.blocks).toContainEqual({ kind: 'listItem', text: 'All original tags' });
    expect(doc.blocks).toContainEqual({ kind: 'listItem', text: 'Tags sewn into seams count too' });
    expect(doc.blocks).toContainEqual({ kind: 'listItem', text: '2. Choose Return items' });
    expect(doc.blocks).toContainEqual({ kind: 'tableRow', text: 'Plan: Basic | Window: 30 days' });
    expect(doc.blocks).toContainEqual({ kind: 'tableRow', text: 'Plan: Plus | Window: 60 days' });
    const first = doc.blocks.find((block) => block.kind === 'paragraph');
    // Source line breaks are spaces, as a browser renders them.
    expect(first?.text).toBe(
      'You can return unworn items within 30 days of delivery. Refunds go back to the original payment method once the parcel reaches our warehouse in Harbor Lane, which usually takes five business days.',
    );
    expect(doc.blocks.map((block) => block.text).join('\n')).toContain('Tom & the returns team');
  });

  it('lets no script, style, handler, markup or navigation through', async () => {
    const doc = await parseDocument({ bytes: encode(ARTICLE_PAGE), fileName: 'refunds.html' });
    const all = doc.blocks.map((block) => block.text).join('\n');
    for (const banned of [
      'SCRIPT_TEXT',
      'STYLE_TEXT',
      'ONCLICK_TEXT',
      'ONERROR_TEXT',
      'NOSCRIPT_TEXT',
      'injected',
      'color',
      'alert',
      'steal',
      '<',
      '>',
      '&nbsp;',
      '&amp;',
    ]) {
      expect(all).not.toContain(banned);
    }
    expect(all).not.toContain('Shipping');
  });

  it('falls back to the whole body when Readability finds no article, and titles by <title> then h1', async () => {
    const page = '<html><head><title>Store hours</title></head><body><div>Open daily from 9 to 5.</div><script>x()</script></body></html>';
    const doc = await parseDocument({ bytes: encode(page), fileName: 'hours.html' });
    expect(doc.title).toBe('Store hours');
    expect(doc.blocks).toEqual([{ kind: 'paragraph', text: 'Open daily from 9 to 5.' }]);
    const bare = await parseDocument({ bytes: encode('<h1>Gift wrap</h1><p>Gift wrap costs $4.</p>'), fileName: 'wrap.htm' });
    expect(bare.title).toBe('Gift wrap');
  });

  it('decodes a page in the legacy charset it declares', async () => {
    const latin1 = Uint8Array.from(
      [...'<html><head><meta charset="windows-1252"></head><body><p>Caf']
        .map((c) => c.charCodeAt(0))
        .concat([0xe9, 0x20, 0x93, 0x6f, 0x6b, 0x94])
        .concat([...'</p></body></html>'].map((c) => c.charCodeAt(0))),
    );
    const doc = await parseDocument({ bytes: latin1, fileName: 'cafe.html' });
    expect(doc.blocks).toEqual([{ kind: 'paragraph', text: 'Café “ok”' }]);
  });

  it('reports a page with no text as NO_TEXT and invalid UTF-8 as INVALID_UTF8', async () => {
    expect(
      await failureCode(parseDocument({ bytes: encode('<html><body><script>only()</script></body></html>'), fileName: 'empty.html' })),
    ).toBe('NO_TEXT');
    expect(await failureCode(parseDocument({ bytes: Uint8Array.from([0x3c, 0x70, 0x3e, 0xff, 0xfe, 0x41]), fileName: 'bad.html' }))).toBe(
      'INVALID_UTF8',
    );
  });
});

describe('extractLinks', () => {
  it('returns absolute same-site http(s) links without fragments, deduped, in document order', () => {
    const html = `<a href="/shipping">Shipping</a>
      <a href="../faq#returns">FAQ</a>
      <a href="../faq#exchanges">FAQ again</a>
      <a href="https://www.help.harborlane.example/contact?via=footer#form">Contact</a>
      <a href="https://other.example/deal">Elsewhere</a>
      <a href="mailto:help@harborlane.example">Mail</a>
      <a href="javascript:alert(1)">Script</a>
      <a href="https://user:pw@help.harborlane.example/private">Credentials</a>
      <a href="ftp://help.harborlane.example/file">FTP</a>
      <a>No href</a>`;
    expect(extractLinks(html, 'https://help.harborlane.example/refunds/policy')).toEqual([
      'https://help.harborlane.example/shipping',
      'https://help.harborlane.example/faq',
      'https://www.help.harborlane.example/contact?via=footer',
    ]);
  });

  it('resolves against <base href> and returns nothing for an unusable base URL', () => {
    const html = '<html><head><base href="https://help.harborlane.example/docs/"></head><body><a href="sizes">Sizes</a></body></html>';
    expect(extractLinks(html, 'https://help.harborlane.example/')).toEqual(['https://help.harborlane.example/docs/sizes']);
    expect(extractLinks(html, 'not a url')).toEqual([]);
  });
});
