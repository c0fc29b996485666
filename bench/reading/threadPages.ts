/**
 * 300-message helpdesk threads for the reading benchmark, one per site, in the markup of the
 * adapters' own fixtures (extension/src/adapters/fixtures/<site>/), our own invented text. Each
 * comes with the URL the adapter reads it at.
 */
import { zendeskThreadPage } from '../../e2e/harness/generatedPages.js';

export const THREAD_MESSAGES = 300;

export interface ThreadPage {
  site: 'gmail' | 'zendesk' | 'salesforce';
  url: string;
  html: string;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const START = Date.parse('2026-01-05T08:00:00Z');

function gmailThread(messages: number): string {
  const items: string[] = [];
  for (let i = 0; i < messages; i++) {
    const fromCustomer = i % 2 === 0;
    const [name, email] = fromCustomer ? ['Tomasz Wielgus', 'tomasz.w@example.org'] : ['Priya Raman', 'priya@lumenbikes.test'];
    const body = fromCustomer
      ? `Update ${i}: the battery mount is still loose after the fix.`
      : `Reply ${i}: thanks Tomasz, a new mount ships today.`;
    const when = new Date(START + i * 60_000).toISOString();
    items.push(
      `<div class="adn ads" data-message-id="#msg-f:${1800000000000000000 + i}"><div class="gs"><div class="gE iv gt"><table class="cf gJ"><tr class="acZ">` +
        `<td class="gF gK"><h3 class="iw"><span class="gD" email="${email}" name="${name}">${name}</span></h3></td>` +
        `<td class="gH"><time datetime="${when}">${i}</time></td></tr></table></div>` +
        `<div class="ii gt"><div class="a3s aiL"><div dir="ltr">${escape(body)}</div></div></div></div></div>`,
    );
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8" /><title>Loose battery mount - priya@lumenbikes.test - Lumen Bikes Mail</title></head>
<body><header class="gb_Ua"><a class="gb_A" href="#" aria-label="Google Account: Priya Raman (priya@lumenbikes.test)"></a></header>
<div class="AO" role="main"><div class="ha"><h2 class="hP" data-legacy-thread-id="190a1b2c3d4e5f61">Loose battery mount</h2></div>
<div class="Bu">${items.join('\n')}</div></div></body></html>`;
}

function salesforceThread(messages: number): string {
  const items: string[] = [];
  for (let i = messages - 1; i >= 0; i--) {
    // The case feed lists the newest activity first.
    const fromContact = i % 2 === 0;
    const [name, email] = fromContact ? ['Mara Quill', 'mara.quill@example.org'] : ['Oskar Lind', 'oskar.lind@tandem-demo.test'];
    const body = fromContact
      ? `Update ${i}: the printer still skips every second label.`
      : `Reply ${i}: thanks Mara, please try firmware 4.3.`;
    items.push(
      `<div class="forceChatterFeedItem"><article class="cuf-feedItem" data-id="0D5${String(i).padStart(15, '0')}">` +
        `<header><a class="cuf-entityLink" href="#">${name}</a> sent an email</header>` +
        `<div class="cuf-emailMessage"><span class="cuf-emailFromAddress">${email}</span></div>` +
        `<div class="cuf-feedBodyText">${escape(body)}</div>` +
        `<a class="cuf-timestamp"><time datetime="${new Date(START + i * 60_000).toISOString()}">${i}</time></a></article></div>`,
    );
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8" /><title>00002026 | Case | Salesforce</title></head>
<body><div class="oneConsoleTabset"><div class="split-right"><section class="tabContent active oneConsoleTab">
<records-record-layout-item field-label="Case Number"><span class="test-id__field-label">Case Number</span><span name="outputField">00002026</span></records-record-layout-item>
<records-record-layout-item field-label="Subject"><span class="test-id__field-label">Subject</span><span name="outputField">Label printer skips labels</span></records-record-layout-item>
<records-record-layout-item field-label="Contact Name"><span class="test-id__field-label">Contact Name</span><span name="outputField"><a href="/lightning/r/Contact/003000000000002AAA/view">Mara Quill</a></span></records-record-layout-item>
<records-record-layout-item field-label="Contact Email"><span class="test-id__field-label">Contact Email</span><span name="outputField"><a href="mailto:mara.quill@example.org">mara.quill@example.org</a></span></records-record-layout-item>
<div class="cuf-feedItem-list">${items.join('\n')}</div></section></div></div></body></html>`;
}

export function threadPages(messages: number = THREAD_MESSAGES): ThreadPage[] {
  return [
    { site: 'gmail', url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQVxRkTbWplmNcZsJdLqHgtPwXw', html: gmailThread(messages) },
    { site: 'zendesk', url: 'https://tandem-bench.zendesk.com/agent/tickets/5000', html: zendeskThreadPage(messages) },
    {
      site: 'salesforce',
      url: 'https://tandem-bench.lightning.force.com/lightning/r/Case/500000000000226AAA/view',
      html: salesforceThread(messages),
    },
  ];
}
