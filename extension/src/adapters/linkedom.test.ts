// @vitest-environment jsdom
/**
 * The adapters run over linkedom too (the tandem-extract CLI reads saved pages in Node): linkedom
 * lacks parts of the DOM a browser has (document.implementation, for one), and every fixture must
 * read the same there as in jsdom.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { inertCopy, readableText } from './domText';
import gmailVariantHtml from './fixtures/gmail/older-layout-search.html?raw';
import gmailHtml from './fixtures/gmail/thread-with-collapsed-message.html?raw';
import salesforceClassicHtml from './fixtures/salesforce/classic-description-only.html?raw';
import salesforceHtml from './fixtures/salesforce/lightning-console.html?raw';
import zendeskVariantHtml from './fixtures/zendesk/older-layout-input-subject.html?raw';
import zendeskHtml from './fixtures/zendesk/two-tabs-assumed-hooks.html?raw';
import { readTicketAuto, SITE_REGISTRY } from './siteRegistry';

function linkedomDocument(html: string): Document {
  // linkedom implements the DOM members the adapters use, not all of lib.dom's Document type.
  return parseHTML(html).document as unknown as Document;
}

const PAGES = [
  ['gmail', gmailHtml],
  ['gmail', gmailVariantHtml],
  ['zendesk', zendeskHtml],
  ['zendesk', zendeskVariantHtml],
  ['salesforce', salesforceHtml],
  ['salesforce', salesforceClassicHtml],
] as const;

describe('adapters over linkedom', () => {
  it.each(PAGES)('reads a %s fixture exactly as in jsdom', (site, html) => {
    const url = 'http://127.0.0.1:4173/saved-page.html';
    const inJsdom = readTicketAuto(new DOMParser().parseFromString(html, 'text/html'), url);

    expect(inJsdom.kind).toBe('ticket');
    expect(readTicketAuto(linkedomDocument(html), url)).toEqual(inJsdom);
    expect(SITE_REGISTRY[site].read(linkedomDocument(html), url, { anyHost: true })).toEqual(inJsdom);
  });

  it('copies a node without document.implementation, leaving the original untouched', () => {
    const doc = linkedomDocument('<div id="m">Hi<p>there</p><script>x()</script></div>');
    const original = doc.getElementById('m');
    if (original === null) throw new Error('fixture missing');

    const copy = inertCopy(original);
    copy.querySelector('p')?.remove();

    expect(readableText(copy)).toBe('Hi');
    expect(readableText(original)).toBe('Hi\nthere');
  });
});
