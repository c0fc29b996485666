/**
 * 300-message helpdesk threads for the reading benchmark, one per site, in the markup the
 * adapters' current fixtures use (extension/src/adapters/fixtures/<site>/): Gmail's listitem
 * thread with sender chips, avatars and "to me" lines; Zendesk's grid-layout workspace with the
 * omni log's author links, agent badges and internal notes; Salesforce's Lightning console with
 * API-named case fields and a newest-first feed of e-mails (From/To lines, the body in
 * emailui-rich-text-output's `value`) and internal posts. Our own invented people and text. Each
 * page comes with the URL the adapter reads it at and the reading it must give (threadCheck.ts),
 * so a page the adapters have outgrown fails the benchmark instead of timing a wrong reading.
 */
import { TICKET_LIMITS, type MessageAuthorRole } from '../../shared/src/ticketReading.js';

export const THREAD_MESSAGES = 300;

export type ThreadSite = 'gmail' | 'zendesk' | 'salesforce';

export interface ExpectedThreadMessage {
  role: MessageAuthorRole;
  name: string;
  /** Checked when given: the address the page shows for this message's author. */
  email?: string;
  body: string;
}

/** What reading the page must give: the ticket, and its kept messages (the newest TICKET_LIMITS.messages) oldest first. */
export interface ThreadExpectation {
  ticketId: string;
  subject: string;
  requester: { name: string; email: string };
  messages: ExpectedThreadMessage[];
}

export interface ThreadPage {
  site: ThreadSite;
  url: string;
  html: string;
  expected: ThreadExpectation;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const START = Date.parse('2026-01-05T08:00:00Z');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

const sentAt = (i: number) => new Date(START + i * 60_000);

/** Gmail's date chip tooltip: "Mon, Jan 5, 2026, 8:03 AM" (UTC, so the page is the same everywhere). */
function gmailDate(date: Date): string {
  const hours = date.getUTCHours();
  const time = `${hours % 12 === 0 ? 12 : hours % 12}:${String(date.getUTCMinutes()).padStart(2, '0')} ${hours < 12 ? 'AM' : 'PM'}`;
  return `${DAYS[date.getUTCDay()]}, ${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()}, ${time}`;
}

/** Who writes message `i`: the customer and the agent take turns, and every tenth is the agent's internal note where the site has notes. */
function turn(i: number, withNotes: boolean): MessageAuthorRole {
  if (withNotes && i % 10 === 9) return 'internal';
  return i % 2 === 0 ? 'customer' : 'agent';
}

const kept = (messages: ExpectedThreadMessage[]) => messages.slice(-TICKET_LIMITS.messages);

// ---------------------------------------------------------------------------------------------
// Gmail

const GMAIL_OWNER = { name: 'Priya Raman', email: 'priya@lumenbikes.test' };
const GMAIL_CUSTOMER = { name: 'Tomasz Wielgus', email: 'tomasz.w@example.org' };
const GMAIL_THREAD = 'FMfcgzQVxRkTbWplmNcZsJdLqHgtPwXw';

function gmailChip(person: { name: string; email: string }, className: string, shown = person.name): string {
  return `<span email="${person.email}" name="${escape(shown)}" data-hovercard-id="${person.email}" class="${className}">${escape(shown)}</span>`;
}

function gmailMessage(i: number, message: ExpectedThreadMessage): string {
  const fromCustomer = message.role === 'customer';
  const sender = fromCustomer ? GMAIL_CUSTOMER : GMAIL_OWNER;
  // The customer writes to the mailbox owner ("to me"); the owner's replies go to the customer.
  const recipient = fromCustomer ? gmailChip(GMAIL_OWNER, 'g2', 'me') : gmailChip(GMAIL_CUSTOMER, 'g2', 'Tomasz');
  const when = gmailDate(sentAt(i));
  return (
    `<div class="h7 ie nH oy8Mbf" role="listitem" aria-expanded="true" tabindex="-1"><div class="Bk"><div class="G3 G2"><div><div id=":m${i}">` +
    `<div class="adn ads" data-message-id="#msg-f:18000000000${String(i).padStart(8, '0')}" data-legacy-message-id="19${i.toString(16).padStart(14, '0')}">` +
    `<div class="aju"><div class="aCi"><img src="data:," class="ajn bofPge" jid="${sender.email}" data-hovercard-id="${sender.email}" data-name="${sender.name}" aria-hidden="true" /></div></div>` +
    `<div class="gs"><div class="gE iv gt"><table cellpadding="0" class="cf gJ" role="presentation"><tbody>` +
    `<tr class="acZ"><td class="gF gK"><table cellpadding="0" class="cf ix"><tbody><tr><td class="c2"><h3 class="iw gFxsud">` +
    `<span translate="no" class="qu" role="gridcell" tabindex="-1">${gmailChip(sender, 'gD')} <span class="go"><span aria-hidden="true">&lt;</span>${sender.email}<span aria-hidden="true">&gt;</span></span></span>` +
    `</h3></td></tr></tbody></table></td>` +
    `<td class="gH bAk"><div class="gK"><span></span><span class="g3" title="${when}" alt="${when}" role="gridcell" tabindex="-1">${when}</span></div></td><td class="gH"></td></tr>` +
    `<tr class="acZ xD"><td colspan="3"><table cellpadding="0" class="cf adz"><tbody><tr><td class="ady"><div class="iw ajw">` +
    `<span translate="no" class="hb">to ${recipient}</span></div>` +
    `<div aria-haspopup="true" class="ajy" role="button" tabindex="0" aria-label="Show details"><img class="ajz" src="data:," alt="" /></div></td></tr></tbody></table></td></tr>` +
    `</tbody></table></div>` +
    `<div class="ii gt"><div class="a3s aiL"><div dir="ltr"><div>${escape(message.body)}</div></div></div></div>` +
    `</div></div></div></div></div></div></div>`
  );
}

function gmailThread(messages: number): ThreadPage {
  const all: ExpectedThreadMessage[] = [];
  for (let i = 0; i < messages; i++) {
    const role = turn(i, false);
    const person = role === 'customer' ? GMAIL_CUSTOMER : GMAIL_OWNER;
    const body =
      role === 'customer'
        ? `Update ${i}: the battery mount is still loose after the fix.`
        : `Reply ${i}: thanks Tomasz, a new mount ships today.`;
    all.push({ role, name: person.name, email: person.email, body });
  }
  const subject = 'Loose battery mount - frame LT5-22817';
  const html = `<!doctype html><html lang="en" dir="ltr"><head><meta charset="utf-8" /><title>${escape(subject)} - ${GMAIL_OWNER.email} - Gmail</title></head>
<body class="aAU"><div class="nH"><div class="nH w-asV aiw"><header class="gb_Ua gb_ib gb_Ud" id="gb" role="banner"><div class="gb_Hd">
<a class="gb_d gb_Da gb_H" aria-label="Google Account: ${GMAIL_OWNER.name} &#10;(${GMAIL_OWNER.email})" href="https://accounts.google.com/SignOutOptions?hl=en&amp;continue=https://mail.google.com/mail/&amp;service=mail" role="button"><img class="gb_P gbii" src="data:," alt="" aria-hidden="true" /></a>
</div></header></div>
<div class="nH bkK"><div class="AO"><div class="nH" role="main"><div class="nH g"><div class="nH a98 iY">
<div class="nH V8djrc byY"><div class="ha"><h2 class="hP" tabindex="-1" data-thread-perm-id="thread-f:1799876543210987655" data-legacy-thread-id="190a1b2c3d4e5f61">${escape(subject)}</h2></div></div>
<div class="nH aHU"><div class="nH hx"><div class="nH" role="list">
${all.map((message, i) => gmailMessage(i, message)).join('\n')}
</div></div></div></div></div></div></div></div></div></body></html>`;
  return {
    site: 'gmail',
    url: `https://mail.google.com/mail/u/0/#inbox/${GMAIL_THREAD}`,
    html,
    expected: { ticketId: GMAIL_THREAD, subject, requester: GMAIL_CUSTOMER, messages: kept(all) },
  };
}

// ---------------------------------------------------------------------------------------------
// Zendesk

const ZENDESK_TICKET = '5000';
const ZENDESK_CUSTOMER = { name: 'Ines Varga', email: 'ines.varga@example.org', userId: '48810' };
const ZENDESK_AGENT = { name: 'Marco Bell', userId: '300017' };

function zendeskComment(i: number, message: ExpectedThreadMessage): string {
  const fromCustomer = message.role === 'customer';
  const note = message.role === 'internal';
  const author = fromCustomer ? ZENDESK_CUSTOMER : ZENDESK_AGENT;
  const label = note ? `Internal note from ${author.name}` : `Message from ${author.name}, via ${fromCustomer ? 'email' : 'web'}`;
  const badge = fromCustomer
    ? ''
    : '<svg data-test-id="omni-log-avatar-badge-AgentBadge" aria-hidden="true" focusable="false" viewBox="0 0 16 16"><circle cx="8" cy="8" r="7" /></svg>';
  const marker = note
    ? '<div data-test-id="omni-log-internal-note-tag" data-garden-id="tags.tag_view" class="sc-1ttrjx2-0 kBqFzm">Internal note</div>'
    : `<span data-test-id="omni-log-item-via" class="sc-p9s8t0-0 aYbLzc">via ${fromCustomer ? 'email' : 'web'}</span>`;
  const type = fromCustomer ? 'end-user' : note ? 'internal' : 'agent';
  return (
    `<article data-test-id="omni-log-comment-item" class="sc-1qvpxi4-0 hCwPzT${note ? ' sc-1qvpxi4-5 eRtVbn' : ''}" aria-label="${label}">` +
    `<figure data-test-id="omni-log-base-avatar" data-garden-id="avatars.avatar" class="sc-15xq0a1-0 bRsLkW"><img alt="Avatar" src="data:," />${badge}</figure>` +
    `<div class="sc-1qvpxi4-2 fUyDkP"><div class="sc-1qvpxi4-3 cNqRgs">` +
    `<span data-test-id="omni-log-item-sender" class="sc-1h1vy3h-0 kxDqMb"><a data-test-id="omni-log-comment-user-link" href="/agent/users/${author.userId}" class="sc-1h1vy3h-1 iJcWtd"><strong>${author.name}</strong></a></span>` +
    `${marker}<time data-test-id="timestamp-relative" datetime="${sentAt(i).toISOString()}">${i}</time></div>` +
    `<div data-test-id="omni-log-item-message" type="${type}" class="sc-1hcm6kq-0 dWqNpB"><div data-test-id="omni-log-message-content" data-originated-from="${fromCustomer ? 'EmailInteraction' : 'WebInteraction'}">` +
    `<div class="zd-comment" dir="auto"><p>${escape(message.body)}</p></div></div></div></div></article>`
  );
}

function zendeskThread(messages: number): ThreadPage {
  const all: ExpectedThreadMessage[] = [];
  for (let i = 0; i < messages; i++) {
    const role = turn(i, true);
    const body =
      role === 'customer'
        ? `Update ${i}: the replacement charger still has not arrived and I need a refund if it is lost.`
        : role === 'internal'
          ? `Note ${i}: carrier claim opened, refund only once the claim is settled.`
          : `Reply ${i}: thanks Ines, I am checking with the carrier now.`;
    all.push({ role, name: role === 'customer' ? ZENDESK_CUSTOMER.name : ZENDESK_AGENT.name, body });
  }
  const subject = 'Replacement charger lost in transit';
  const html = `<!doctype html>
<html lang="en" data-theme="light"><head><meta charset="utf-8" /><title>Lumen Bikes Help – Agent</title></head>
<body>
<header data-test-id="header-toolbar" data-garden-id="navigation.header"><nav data-test-id="header-tablist" role="tablist">
<div data-test-id="header-tab" role="tab" data-entity-id="${ZENDESK_TICKET}" data-entity-type="ticket" aria-selected="true" class="is-selected">
<div data-test-id="header-tab-title">${subject}</div><div data-test-id="header-tab-subtitle"><span>#${ZENDESK_TICKET}</span></div></div>
</nav></header>
<main data-garden-id="navigation.main">
<div data-test-id="ticket-${ZENDESK_TICKET}-custom-layout" data-ticket-id="${ZENDESK_TICKET}" class="ticket-panes-grid-layout active sc-9rzm4f-0 cusuqB">
<div data-test-id="column-2" data-garden-id="pane" class="component-type-MainConversationPane"><div data-side-conversations-anchor-id="${ZENDESK_TICKET}">
<div><input data-test-id="omni-header-subject" aria-label="Subject" value="${subject}" />
<span data-test-id="status-badge-open" data-garden-id="tags.tag_view">Open</span></div>
<div data-test-id="omni-log-container">
${all.map((message, i) => zendeskComment(i, message)).join('\n')}
</div>
<div id="editor-view" data-test-id="editor-view"><div data-test-id="ticket-rich-text-editor" class="zendesk-editor--rich-text-container">
<div data-test-id="omnicomposer-rich-text-ckeditor" contenteditable="true" role="textbox" aria-label="Public reply composer" class="ck-editor__editable"></div></div></div>
</div></div>
<div data-test-id="column-3" data-garden-id="pane" class="component-type-ContextPanel">
<div data-garden-id="forms.field"><label data-test-id="ticket-system-field-requester-label" data-garden-id="forms.input_label">Requester</label>
<div data-test-id="ticket-system-field-requester-select" role="combobox"><figure data-garden-id="avatars.avatar"><span>IV</span></figure>
<span data-garden-id="typography.ellipsis" title="${ZENDESK_CUSTOMER.email}">${ZENDESK_CUSTOMER.name}</span></div></div>
<div data-garden-id="forms.field"><label data-garden-id="forms.input_label">Assignee</label>
<div data-test-id="assignee-field"><div data-test-id="assignee-field-selected-agent-tag" data-garden-id="tags.tag_view"><span>${ZENDESK_AGENT.name}</span></div></div></div>
</div>
</div>
</main></body></html>`;
  return {
    site: 'zendesk',
    url: `https://tandem-bench.zendesk.com/agent/tickets/${ZENDESK_TICKET}`,
    html,
    expected: {
      ticketId: ZENDESK_TICKET,
      subject,
      requester: { name: ZENDESK_CUSTOMER.name, email: ZENDESK_CUSTOMER.email },
      messages: kept(all),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Salesforce

const SALESFORCE_CASE = '00002026';
const SALESFORCE_CONTACT = { name: 'Mara Quill', email: 'mara.quill@example.org', recordId: '003000000000002AAA' };
const SALESFORCE_OWNER = { name: 'Oskar Lind', email: 'oskar.lind@tandem-demo.test', recordId: '005000000000009AAA' };
const SUPPORT_ADDRESS = 'support@tandem-demo.test';

function salesforceField(apiName: string, label: string, value: string): string {
  return (
    `<records-record-layout-item field-label="${label}" data-target-selection-name="sfdc:RecordField.Case.${apiName}">` +
    `<span class="test-id__field-label">${label}</span>${value}</records-record-layout-item>`
  );
}

function personLink(person: { name: string; recordId: string }, type: 'Contact' | 'User', className: string): string {
  return `<a class="${className}" href="/lightning/r/${type}/${person.recordId}/view" data-recordid="${person.recordId}">${person.name}</a>`;
}

function salesforceItem(i: number, message: ExpectedThreadMessage): string {
  const fromContact = message.role === 'customer';
  const author = fromContact ? SALESFORCE_CONTACT : SALESFORCE_OWNER;
  const actor = personLink(author, fromContact ? 'Contact' : 'User', 'cuf-entityLink');
  const when = sentAt(i);
  const stamp = `<a class="cuf-timestamp"><time datetime="${when.toISOString()}">${MONTHS[when.getUTCMonth()]} ${when.getUTCDate()}</time></a>`;
  const id = `0D5${String(i).padStart(12, '0')}AAA`;
  if (message.role === 'internal') {
    return (
      `<div class="cuf-feedElementIterationItem slds-feed__item"><article class="cuf-feedElement cuf-feedItem" data-id="${id}">` +
      `<header class="cuf-feedItemHeader slds-media"><div class="slds-media__body forceChatterFeedItemHeader"><p class="cuf-preamble">` +
      `<span class="preamble_left">${actor}</span> <span class="preamble_custom-preamble">Tandem Only</span></p>${stamp}</div></header>` +
      `<div class="cuf-body"><div class="feedBodyInner cuf-feedBodyText"><p>${escape(message.body)}</p></div></div></article></div>`
    );
  }
  const from = `${author.name} &lt;${author.email}&gt;`;
  const to = fromContact ? SUPPORT_ADDRESS : SALESFORCE_CONTACT.email;
  // Lightning keeps an e-mail's HTML in the rich-text component's value; the visible copy sits in an iframe.
  const value = escape(`<p>${escape(message.body)}</p>`);
  return (
    `<div class="cuf-feedElementIterationItem slds-feed__item"><article class="cuf-feedElement cuf-feedItem" data-id="${id}">` +
    `<header class="cuf-feedItemHeader slds-media"><div class="slds-media__body forceChatterFeedItemHeader"><p class="cuf-preamble">` +
    `<span class="preamble_left">${actor} sent an email</span></p>${stamp}</div></header>` +
    `<div class="cuf-body"><div class="forceChatterEmailMessageBody"><div class="cuf-emailHeader">` +
    `<div class="slds-grid"><span class="slds-text-color_weak">From:</span> <span class="emailHeaderValue">${from}</span></div>` +
    `<div class="slds-grid"><span class="slds-text-color_weak">To:</span> <span class="emailHeaderValue">${to}</span></div></div>` +
    `<div class="emailMessageBody"><emailui-rich-text-output value="${value}"></emailui-rich-text-output><iframe class="emailuiIframe" title="Email Body"></iframe></div>` +
    `</div></div></article></div>`
  );
}

function salesforceThread(messages: number): ThreadPage {
  const all: ExpectedThreadMessage[] = [];
  for (let i = 0; i < messages; i++) {
    const role = turn(i, true);
    const person = role === 'customer' ? SALESFORCE_CONTACT : SALESFORCE_OWNER;
    const body =
      role === 'customer'
        ? `Update ${i}: the printer still skips every second label.`
        : role === 'internal'
          ? `Note ${i}: firmware 4.2 changed the gap sensor default, asked the hardware team.`
          : `Reply ${i}: thanks Mara, please try firmware 4.3.`;
    // A post carries no From line: only the e-mails name an address.
    all.push({ role, name: person.name, ...(role === 'internal' ? {} : { email: person.email }), body });
  }
  const subject = 'Label printer skips every second label';
  // The case feed lists the newest activity first.
  const feed = all.map((message, i) => salesforceItem(i, message)).reverse();
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8" /><title>${SALESFORCE_CASE} | Case | Service Console | Salesforce</title></head>
<body><div class="desktop container forceStyle oneOne"><div class="viewport"><div class="split-right">
<section class="tabContent active oneConsoleTab" role="tabpanel" id="tab-1">
<div class="slds-page-header"><h1><span class="entityNameTitle">Case</span><div class="slds-page-header__title"><lightning-formatted-text slot="primaryField">${SALESFORCE_CASE}</lightning-formatted-text></div></h1></div>
${salesforceField('CaseNumber', 'Case Number', `<lightning-formatted-text name="outputField">${SALESFORCE_CASE}</lightning-formatted-text>`)}
${salesforceField('OwnerId', 'Case Owner', `<span name="outputField">${personLink(SALESFORCE_OWNER, 'User', 'forceOutputLookup')}</span>`)}
${salesforceField('Subject', 'Subject', `<lightning-formatted-text name="outputField">${subject}</lightning-formatted-text>`)}
${salesforceField('ContactId', 'Contact Name', `<span name="outputField">${personLink(SALESFORCE_CONTACT, 'Contact', 'forceOutputLookup')}</span>`)}
${salesforceField('ContactEmail', 'Contact Email', `<span name="outputField"><a href="mailto:${SALESFORCE_CONTACT.email}">${SALESFORCE_CONTACT.email}</a></span>`)}
<div class="forceChatterPublisherPresentationDesktop"><div class="publisherInputContainer"><div class="ql-editor" contenteditable="true"></div></div></div>
<div class="cuf-feed forceChatterFeed">
${feed.join('\n')}
</div></section></div></div></div></body></html>`;
  return {
    site: 'salesforce',
    url: 'https://tandem-bench.lightning.force.com/lightning/r/Case/500000000000226AAA/view',
    html,
    expected: {
      ticketId: SALESFORCE_CASE,
      subject,
      requester: { name: SALESFORCE_CONTACT.name, email: SALESFORCE_CONTACT.email },
      messages: kept(all),
    },
  };
}

export function threadPages(messages: number = THREAD_MESSAGES): ThreadPage[] {
  return [gmailThread(messages), zendeskThread(messages), salesforceThread(messages)];
}
