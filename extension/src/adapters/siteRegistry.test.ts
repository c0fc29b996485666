// @vitest-environment jsdom
/**
 * The registry picks the adapter: a site's own domain first, then an admin's mapping, then the
 * page's DOM signature (loopback fixture pages); anything else, or two signatures at once, is
 * the typed no-ticket result and never a ticket read by the wrong adapter.
 */
import { ticketReadResultSchema, type TicketContext, type TicketReadResult } from '@tandem/shared';
import { describe, expect, it } from 'vitest';
import gmailVariantHtml from './fixtures/gmail/older-layout-search.html?raw';
import gmailHtml from './fixtures/gmail/thread-with-collapsed-message.html?raw';
import salesforceClassicHtml from './fixtures/salesforce/classic-description-only.html?raw';
import salesforceHtml from './fixtures/salesforce/lightning-console.html?raw';
import zendeskVariantHtml from './fixtures/zendesk/older-layout-input-subject.html?raw';
import zendeskHtml from './fixtures/zendesk/two-tabs-assumed-hooks.html?raw';
import { hostMatches, knownSiteForHost, mappedSiteForHost, type HostMappingRule } from './siteHosts';
import { detectSite, findComposerAuto, readOnDemand, readTicketAuto, SITE_REGISTRY, sitesBySignature } from './siteRegistry';

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

function expectTicket(result: TicketReadResult): TicketContext {
  expect(ticketReadResultSchema.safeParse(result).success).toBe(true);
  if (result.kind !== 'ticket') throw new Error(`expected a ticket, got ${result.reason}: ${result.detail}`);
  return result.ticket;
}

const LOOPBACK = 'http://127.0.0.1:4173';
const FIXTURE_TICKET = `<main data-tandem-fixture="ticket" data-ticket-id="T-1001"><h1 class="ticket-subject">Refund</h1>
  <article class="message" data-role="customer"><div class="body">Charged twice</div></article><div class="composer" contenteditable="true"></div></main>`;

/** Each site's fixture page, the address it really lives at, and what its ticket is. */
const PAGES = [
  {
    name: 'gmail/thread-with-collapsed-message.html',
    html: gmailHtml,
    realUrl: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQVxRkTbWplmNcZsJdLqHgtPwXv',
    site: 'gmail',
    subject: 'Cracked battery mount on order LB-7781',
  },
  {
    name: 'gmail/older-layout-search.html',
    html: gmailVariantHtml,
    realUrl: 'https://mail.google.com/mail/u/1/#search/battery+mount',
    site: 'gmail',
    subject: 'Warranty claim W-2210: frame creak',
  },
  {
    name: 'zendesk/two-tabs-assumed-hooks.html',
    html: zendeskHtml,
    realUrl: 'https://tandem-test.zendesk.com/agent/tickets/4821',
    site: 'zendesk',
    subject: 'Parcel arrived damaged',
  },
  {
    name: 'zendesk/older-layout-input-subject.html',
    html: zendeskVariantHtml,
    realUrl: 'https://tandem-test.zendesk.com/agent/tickets/5012',
    site: 'zendesk',
    subject: 'Invoice address change',
  },
  {
    name: 'salesforce/lightning-console.html',
    html: salesforceHtml,
    realUrl: 'https://tandem-demo.lightning.force.com/lightning/r/Case/500000000000026AAA/view',
    site: 'salesforce',
    subject: 'Label printer skips every second label',
  },
  {
    name: 'salesforce/classic-description-only.html',
    html: salesforceClassicHtml,
    realUrl: 'https://tandem-demo.my.salesforce.com/500000000000031',
    site: 'salesforce',
    subject: 'Invoice PDF shows the wrong VAT number',
  },
] as const;

describe('hosts', () => {
  it.each([
    ['mail.google.com', 'gmail'],
    ['MAIL.GOOGLE.COM.', 'gmail'],
    ['acme.zendesk.com', 'zendesk'],
    ['acme.lightning.force.com', 'salesforce'],
    ['acme.my.salesforce.com', 'salesforce'],
    ['na42.salesforce.com', 'salesforce'],
  ])('knows %s as %s', (host, site) => {
    expect(knownSiteForHost(host)).toBe(site);
  });

  // Experience Cloud portals (`*.force.com`) face customers and Visualforce domains serve embedded pages: not the agent console.
  it.each([
    'google.com',
    'gmail.com',
    'zendesk.com',
    'zendesk.com.evil.example',
    'evilzendesk.com',
    'force.com',
    'acme.force.com',
    'acme--c.vf.force.com',
    '127.0.0.1',
    '',
  ])('knows nothing of %j', (host) => {
    expect(knownSiteForHost(host)).toBeUndefined();
  });

  it('matches exact hosts and wildcard subdomains, never the bare parent', () => {
    expect(hostMatches('support.acme.com', 'Support.Acme.com')).toBe(true);
    expect(hostMatches('support.acme.com', 'www.support.acme.com')).toBe(false);
    expect(hostMatches('*.acme.com', 'eu.support.acme.com')).toBe(true);
    expect(hostMatches('*.acme.com', 'acme.com')).toBe(false);
    expect(hostMatches('*.acme.com', 'notacme.com')).toBe(false);
  });

  it('prefers an exact mapping, then the longest wildcard', () => {
    const mappings: HostMappingRule[] = [
      { host: '*.acme.com', site: 'auto' },
      { host: '*.desk.acme.com', site: 'zendesk' },
      { host: 'mail.desk.acme.com', site: 'gmail' },
    ];
    expect(mappedSiteForHost('mail.desk.acme.com', mappings)).toBe('gmail');
    expect(mappedSiteForHost('eu.desk.acme.com', mappings)).toBe('zendesk');
    expect(mappedSiteForHost('shop.acme.com', mappings)).toBe('auto');
    expect(mappedSiteForHost('example.org', mappings)).toBeUndefined();
  });
});

describe('readTicketAuto', () => {
  it.each(PAGES)('reads $name at its real address exactly as its own adapter does', ({ html, realUrl, site }) => {
    const direct = SITE_REGISTRY[site].read(parse(html), realUrl);

    expect(readTicketAuto(parse(html), realUrl)).toEqual(direct);
    expect(expectTicket(direct).site).toBe(site);
  });

  it.each(PAGES)('reads $name served from loopback with the $site adapter, by its DOM signature', ({ name, html, site, subject }) => {
    const doc = parse(html);

    expect(detectSite(doc, `${LOOPBACK}/${name}`)).toEqual({ kind: 'site', site, via: 'signature' });
    const ticket = expectTicket(readTicketAuto(doc, `${LOOPBACK}/${name}`));
    expect(ticket).toMatchObject({ site, subject, url: `${LOOPBACK}/${name}` });
  });

  it('gives off-domain Zendesk pages the ticket number from their tab strip, and one id per active tab', () => {
    const doc = parse(zendeskHtml);
    expect(expectTicket(readTicketAuto(doc, `${LOOPBACK}/zendesk-ticket.html`)).ticketId).toBe('4821');

    for (const pane of Array.from(doc.querySelectorAll('[data-test-id="ticket-pane"], [data-test-id="header-tab"]'))) {
      pane.setAttribute('data-is-active', pane.getAttribute('data-is-active') === 'true' ? 'false' : 'true');
    }
    expect(expectTicket(readTicketAuto(doc, `${LOOPBACK}/zendesk-ticket.html`))).toMatchObject({
      ticketId: '4790',
      subject: 'Cannot export invoices to CSV',
    });

    // No tab strip: the page address and the active tab's position keep the two tickets apart.
    const variant = expectTicket(readTicketAuto(parse(zendeskVariantHtml), `${LOOPBACK}/zendesk-ticket-variant.html`));
    expect(variant.ticketId).toBe('127.0.0.1:4173/zendesk-ticket-variant.html#tab-2');
  });

  it('reads the fixture helpdesk by its marker', () => {
    const ticket = expectTicket(readTicketAuto(parse(FIXTURE_TICKET), `${LOOPBACK}/ticket-1001.html`));

    expect(ticket).toMatchObject({ site: 'fixture', ticketId: 'T-1001' });
  });

  it('reads a mapped host with the mapped adapter, off the site own domain', () => {
    const mappings: HostMappingRule[] = [{ host: 'help.acme.example', site: 'zendesk' }];

    const ticket = expectTicket(
      readTicketAuto(parse(zendeskHtml), 'https://help.acme.example/agent/tickets/4821', { hostMappings: mappings }),
    );

    expect(ticket).toMatchObject({ site: 'zendesk', ticketId: '4821', url: 'https://help.acme.example/agent/tickets/4821' });
    expect(detectSite(parse('<main></main>'), 'https://help.acme.example/', { hostMappings: mappings })).toMatchObject({ via: 'mapping' });
  });

  it('reads a host mapped to the wrong site as no ticket, never with the other adapter', () => {
    const mappings: HostMappingRule[] = [{ host: 'help.acme.example', site: 'gmail' }];

    const result = readTicketAuto(parse(zendeskHtml), 'https://help.acme.example/agent/tickets/4821', { hostMappings: mappings });

    expect(result.kind).toBe('no-ticket');
  });

  it('tells an auto-mapped host from its markup', () => {
    const mappings: HostMappingRule[] = [{ host: '*.acme.example', site: 'auto' }];

    const ticket = expectTicket(readTicketAuto(parse(salesforceHtml), 'https://cases.acme.example/case/1026', { hostMappings: mappings }));

    expect(ticket).toMatchObject({ site: 'salesforce', ticketId: '00001026' });
  });

  it("keeps a site's own domain with its own adapter, whatever the markup says", () => {
    const result = readTicketAuto(parse(gmailHtml), 'https://acme.zendesk.com/agent/tickets/1');

    expect(result).toMatchObject({ kind: 'no-ticket', reason: 'not-a-ticket-page' });
  });

  it('refuses a page that carries two sites signatures', () => {
    const doc = parse(`${zendeskHtml}`);
    doc.body.insertAdjacentHTML('beforeend', '<h2 class="hP">Other</h2>');

    expect(sitesBySignature(doc)).toEqual(['gmail', 'zendesk']);
    expect(readTicketAuto(doc, `${LOOPBACK}/mixed.html`)).toMatchObject({ kind: 'no-ticket', reason: 'unreadable-layout' });
  });

  it('leaves an unknown page alone: the generic reader is never picked automatically', () => {
    const doc = parse('<main><h1>Order 5512</h1><p>My card was charged twice.</p></main>');

    expect(readTicketAuto(doc, 'https://shop.example/contact')).toMatchObject({ kind: 'no-ticket', reason: 'not-a-ticket-page' });
    expect(readTicketAuto(doc, 'not a url')).toMatchObject({ kind: 'no-ticket', reason: 'not-a-ticket-page' });
    expect(readOnDemand(doc, 'https://shop.example/contact')).toMatchObject({ kind: 'ticket', ticket: { site: 'generic' } });
  });

  it('reads a switched-off site as no ticket', () => {
    const result = readTicketAuto(parse(gmailHtml), `${LOOPBACK}/gmail-thread.html`, { isEnabled: (site) => site !== 'gmail' });

    expect(result).toEqual({ kind: 'no-ticket', reason: 'not-a-ticket-page', detail: 'Tandem is switched off for Gmail' });
  });
});

describe('findComposerAuto', () => {
  it("finds the detected site's reply box", () => {
    expect(findComposerAuto(parse(FIXTURE_TICKET), `${LOOPBACK}/ticket-1001.html`)?.className).toBe('composer');
    expect(findComposerAuto(parse(gmailHtml), `${LOOPBACK}/gmail-thread.html`)?.getAttribute('aria-label')).toBe('Message Body');
    expect(findComposerAuto(parse(zendeskHtml), `${LOOPBACK}/zendesk-ticket.html`)?.getAttribute('aria-label')).toBe(
      'Public reply composer',
    );
    expect(findComposerAuto(parse('<main></main>'), `${LOOPBACK}/x.html`)).toBeNull();
  });
});
