// @vitest-environment jsdom
/**
 * The Gmail adapter against invented Gmail pages: two full thread pages (the current layout and the
 * one the fallback selectors cover), each source of the mailbox owner on its own (account button,
 * title, "to me" chip, the reply's From and send-as choices) and the thread inferring it when none
 * is there, collapsed and folded messages, what a body keeps (a forward) and drops (trimmed and
 * quoted text), the pages it must refuse, and a thread far over the message limit. The fixture
 * harness (fixtureAccuracy / fixtureMutations) reads every fixtures/gmail page as well.
 */
import { TICKET_LIMITS, ticketReadResultSchema, type TicketContext, type TicketReadResult } from '@tandem/shared';
import { describe, expect, it } from 'vitest';
import variantHtml from './fixtures/gmail/older-layout-search.html?raw';
import threadHtml from './fixtures/gmail/thread-with-collapsed-message.html?raw';
import { findGmailComposer, readGmailTicket } from './gmailAdapter';

const THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQVxRkTbWplmNcZsJdLqHgtPwXv';
const SEARCH_URL = 'https://mail.google.com/mail/u/1/#search/battery+mount';

/** The fixture pages, loaded as text by Vite (`?raw`): the extension lint allows no Node API such as fs. */
const FIXTURES: Record<string, string> = {
  'gmail/thread-with-collapsed-message.html': threadHtml,
  'gmail/older-layout-search.html': variantHtml,
};

function fixture(name: string): string {
  const html = FIXTURES[name];
  if (html === undefined) throw new Error(`no fixture ${name}`);
  return html;
}

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** Gmail's tooltips are in the agent's local time, so the expected instant is built the same way. */
function localIso(month: number, day: number, hour: number, minute: number): string {
  return new Date(2026, month - 1, day, hour, minute).toISOString();
}

function expectTicket(result: TicketReadResult): TicketContext {
  expect(ticketReadResultSchema.safeParse(result).success).toBe(true);
  if (result.kind !== 'ticket') throw new Error(`expected a ticket, got ${result.reason}: ${result.detail}`);
  return result.ticket;
}

function gmailPage(main: string, title = 'Inbox - priya@lumenbikes.test - Gmail'): Document {
  return parse(`<!doctype html><html><head><title>${title}</title></head><body><div role="main">${main}</div></body></html>`);
}

function gmailMessage(index: number): string {
  return `<div class="adn" data-message-id="m-${index}"><span class="gD" email="tomasz.w@example.org" name="Tomasz Wielgus">Tomasz</span><div class="a3s">message ${index}</div></div>`;
}

interface Person {
  name: string;
  email: string;
}

const TOMASZ: Person = { name: 'Tomasz Wielgus', email: 'tomasz.w@example.org' };
const TOMASZ_WORK: Person = { name: 'Tomasz Wielgus', email: 't.wielgus@wielgus-studio.example' };
const PRIYA: Person = { name: 'Priya Raman', email: 'priya@lumenbikes.test' };
const TEAM: Person = { name: 'Lumen Support', email: 'support@lumenbikes.test' };

/** A recipient chip of the "to …" line; Gmail prints "me" (or a first name) and keeps the address and name as attributes. */
function chip(person: Person, name = person.name, shown = name): string {
  return `<span class="g2" email="${person.email}" name="${name}">${shown}</span>`;
}

/** An expanded message as the 2023+ thread view lays it out: avatar, sender chip, "to" line, body. */
function expanded(sender: Person, to: string, body: string): string {
  return `<div class="h7" role="listitem" aria-expanded="true"><div class="adn ads">
    <img class="ajn" jid="${sender.email}" alt="" />
    <h3 class="iw"><span class="qu"><span class="gD" email="${sender.email}" name="${sender.name}"><span>${sender.name}</span></span></span></h3>
    <div class="iw ajw">${to === '' ? '' : `<span class="hb">to ${to}</span>`}</div>
    <div class="ii gt"><div class="a3s aiL">${body}</div></div>
  </div></div>`;
}

/** A collapsed message: sender, date and a snippet only. */
function collapsed(sender: Person, snippet: string): string {
  return `<div class="kv" role="listitem" aria-expanded="false"><div class="adf ads">
    <img class="ajn" jid="${sender.email}" alt="" />
    <table class="cf gJ"><tr><td class="gF gK"><span class="gD" email="${sender.email}" name="${sender.name}">${sender.name}</span></td>
    <td class="gF gK"><div class="iA g6">${snippet}</div></td><td class="gH"><span class="g3" title="Mon, Nov 16, 2026, 9:20 AM">Nov 16</span></td></tr></table>
  </div></div>`;
}

/** A message folded into the "N older messages" circle: nothing of it is on the page, one of them carries the count. */
function folded(count = ''): string {
  return `<div class="kQ${count === '' ? '' : ' adv'}" role="listitem"><div class="G3 G2">${count === '' ? '' : `<span class="adx"><span>${count}</span></span>`}</div></div>`;
}

/** A thread page: `around` is what the page holds outside the thread view (account button, reply box…). */
function threadPage(items: readonly string[], { title = 'Gmail', around = '', subject = 'Cracked battery mount' } = {}): Document {
  return parse(
    `<!doctype html><html><head><title>${title}</title></head><body>${around}<div role="main"><div class="nH a98 iY">` +
      `<div class="ha"><h2 class="hP" data-legacy-thread-id="18fe0a1b2c3d4e5f">${subject}</h2></div>` +
      `<div role="list">${items.join('')}</div></div></div></body></html>`,
  );
}

function roles(result: TicketReadResult): string[] {
  return expectTicket(result).messages.map((message) => message.authorRole);
}

describe('readGmailTicket', () => {
  it('reads the current Gmail thread layout into a TicketContext', () => {
    const doc = parse(fixture('gmail/thread-with-collapsed-message.html'));

    const ticket = expectTicket(readGmailTicket(doc, THREAD_URL));

    expect(ticket).toEqual({
      site: 'gmail',
      ticketId: 'FMfcgzQVxRkTbWplmNcZsJdLqHgtPwXv',
      subject: 'Cracked battery mount on order LB-7781',
      requester: { name: 'Tomasz Wielgus', email: 'tomasz.w@example.org' },
      tags: [],
      status: 'unknown',
      url: THREAD_URL,
      messages: [
        {
          id: '#msg-f:1804455667788990011',
          authorRole: 'customer',
          partial: false,
          authorName: 'Tomasz Wielgus',
          authorEmail: 'tomasz.w@example.org',
          sentAt: localIso(11, 16, 9, 12),
          body: 'Hi,\nmy e-bike from order LB-7781 arrived with a cracked battery mount.\nCould you send a replacement part?\n\nThanks, Tomasz',
        },
        {
          // Collapsed: only its snippet is on screen, so it is read as a partial message, not dropped.
          id: '#msg-f:1804455667788990012',
          authorRole: 'customer',
          partial: true,
          authorName: 'Tomasz Wielgus',
          authorEmail: 'tomasz.w@example.org',
          sentAt: localIso(11, 16, 9, 20),
          body: 'Also the charger light blinks red…',
        },
        {
          id: '#msg-a:r-4417702288133',
          authorRole: 'agent',
          partial: false,
          authorName: 'Priya Raman',
          authorEmail: 'Priya@lumenbikes.test',
          sentAt: localIso(11, 16, 11, 40),
          body: 'Hello Tomasz,\n\nSorry about that! A new mount is on its way.',
        },
        {
          id: '#msg-f:1804455667788990013',
          authorRole: 'customer',
          partial: false,
          authorName: 'Tomasz Wielgus',
          authorEmail: 'tomasz.w@example.org',
          sentAt: localIso(11, 17, 20, 5),
          body: 'Got it, thank you! See you.',
        },
      ],
    });
  });

  it('keeps hostile markup in a body out of the ticket and leaves the page untouched', () => {
    const doc = parse(fixture('gmail/thread-with-collapsed-message.html'));

    const ticket = expectTicket(readGmailTicket(doc, THREAD_URL));

    expect(JSON.stringify(ticket)).not.toMatch(/<script|<img|onerror|tandemPwned/);
    expect(doc.querySelectorAll('.gmail_quote')).toHaveLength(2);
    expect(doc.querySelector('img[onerror]')).not.toBeNull();
  });

  it('reads the fallback layout, taking the thread id from the first message', () => {
    const doc = parse(fixture('gmail/older-layout-search.html'));

    const ticket = expectTicket(readGmailTicket(doc, SEARCH_URL));

    expect(ticket).toEqual({
      site: 'gmail',
      ticketId: '18c4f2a9b7d3e015',
      subject: 'Warranty claim W-2210: frame creak',
      requester: { name: 'Ana Okafor', email: 'ana.okafor@example.net' },
      tags: [],
      status: 'unknown',
      url: SEARCH_URL,
      messages: [
        {
          id: 'm-01',
          authorRole: 'agent',
          partial: false,
          authorName: 'Lumen Support',
          authorEmail: 'support@lumenbikes.test',
          sentAt: '2026-11-18T14:30:00+01:00',
          body: 'Hello Ana,\nwe received your warranty claim W-2210. Could you describe when the creak happens?',
        },
        {
          id: 'm-02',
          authorRole: 'customer',
          partial: false,
          authorName: 'Ana Okafor',
          authorEmail: 'ana.okafor@example.net',
          sentAt: localIso(11, 19, 7, 45),
          body: 'Only when climbing.\n\nError from the app: <script>alert("creak")</script><img src=x onerror=alert(1)>',
        },
        {
          id: 'm-03',
          authorRole: 'agent',
          partial: false,
          authorName: 'Lumen Support',
          authorEmail: 'support@lumenbikes.test',
          body: 'Thanks, Ana. A technician will call you.',
        },
      ],
    });
  });

  it('says not-a-ticket-page off Gmail, and on Gmail with no conversation open', () => {
    const inbox = gmailPage(
      '<table class="F cf zt"><tr class="zA"><td><span data-legacy-thread-id="18fb6c1d2e3f4a5b">A thread</span></td></tr></table>',
    );

    expect(
      readGmailTicket(
        parse(fixture('gmail/thread-with-collapsed-message.html')),
        'https://example.com/#inbox/FMfcgzQVxRkTbWplmNcZsJdLqHgtPwXv',
      ),
    ).toMatchObject({
      kind: 'no-ticket',
      reason: 'not-a-ticket-page',
    });
    expect(readGmailTicket(inbox, 'https://mail.google.com/mail/u/0/#inbox')).toMatchObject({
      kind: 'no-ticket',
      reason: 'not-a-ticket-page',
    });
    expect(readGmailTicket(inbox, 'https://mail.google.com/mail/u/0/#label/Support%20queue')).toMatchObject({
      kind: 'no-ticket',
      reason: 'not-a-ticket-page',
    });
  });

  it('says unreadable-layout for a thread it cannot read for certain', () => {
    const current = fixture('gmail/thread-with-collapsed-message.html');
    const cases: [string, Document, string][] = [
      ['the URL names a thread but the view is unrecognised', gmailPage('<div class="new-thread-view">Hello</div>'), THREAD_URL],
      ['messages without a subject', parse(current.replace(/<h2 class="hP"[\s\S]*?<\/h2>/, '')), THREAD_URL],
      ['a subject without messages', parse(current.replaceAll('class="adn', 'class="renamed')), THREAD_URL],
      ['bodies renamed', parse(current.replaceAll('class="a3s aiL"', 'class="x"').replaceAll('class="ii gt"', 'class="y"')), THREAD_URL],
      [
        'a body with no sender',
        parse(current.replace('<span class="gD" email="Priya@lumenbikes.test" name="Priya Raman">', '<span class="gD">')),
        THREAD_URL,
      ],
      [
        'no thread id in the URL or the DOM',
        parse(fixture('gmail/older-layout-search.html').replace(' data-legacy-thread-id="18c4f2a9b7d3e015"', '')),
        SEARCH_URL,
      ],
    ];

    for (const [label, doc, url] of cases) {
      expect(readGmailTicket(doc, url), label).toMatchObject({ kind: 'no-ticket', reason: 'unreadable-layout' });
    }
  });

  it('keeps the newest messages of a 5,000-message thread', () => {
    const messages = Array.from({ length: 5000 }, (_, index) => gmailMessage(index)).join('');
    const doc = gmailPage(`<h2 class="hP">Long thread</h2>${messages}`);

    const ticket = expectTicket(readGmailTicket(doc, THREAD_URL));

    expect(ticket.messages).toHaveLength(TICKET_LIMITS.messages);
    expect(ticket.messages[0]?.body).toBe(`message ${5000 - TICKET_LIMITS.messages}`);
    expect(ticket.messages.at(-1)).toEqual({
      id: 'm-4999',
      authorRole: 'customer',
      partial: false,
      authorName: 'Tomasz Wielgus',
      authorEmail: 'tomasz.w@example.org',
      body: 'message 4999',
    });
  });
});

describe('readGmailTicket: who the agent is', () => {
  // Tomasz writes in, Priya answers, Tomasz again. Without a word on whose mailbox this is, nobody's role is known.
  const thread = [
    expanded(TOMASZ, '', 'The mount cracked.'),
    expanded(PRIYA, chip(TOMASZ, TOMASZ.name, 'Tomasz'), 'A new one is on its way.'),
    expanded(TOMASZ, '', 'Thanks!'),
  ];
  const sendAsMenu = `<div class="M9"><div role="menu"><div role="menuitem" value="${PRIYA.email}">${PRIYA.name}</div></div><div contenteditable="true"></div></div>`;

  it('takes the mailbox owner from any one source the page offers, wherever the account button sits', () => {
    const sources: [string, Document][] = [
      [
        'a German account button outside the Google bar',
        threadPage(thread, {
          around: `<footer><a href="https://accounts.google.com/SignOutOptions?hl=de" aria-label="Google-Konto: ${PRIYA.name}  (${PRIYA.email})"></a></footer>`,
        }),
      ],
      [
        'an older account button naming the owner in its title',
        threadPage(thread, {
          around: `<a href="https://accounts.google.com/SignOutOptions" title="Google Account: ${PRIYA.name}\n(${PRIYA.email})"></a>`,
        }),
      ],
      [
        'a link in the page header labelled with the address, not linking to the sign-out options',
        threadPage(thread, { around: `<header><a href="#" aria-label="Google Account: ${PRIYA.name} (${PRIYA.email})"></a></header>` }),
      ],
      ['the page title', threadPage(thread, { title: `Cracked battery mount - ${PRIYA.email} - Gmail` })],
      ['a "me" chip', threadPage([expanded(TOMASZ, chip(PRIYA, 'me'), 'The mount cracked.'), ...thread.slice(1)])],
      [
        "the open reply's From",
        threadPage(thread, { around: `<div class="M9"><input type="hidden" name="from" value="${PRIYA.name} <${PRIYA.email}>" /></div>` }),
      ],
      ['a send-as choice of the reply box', threadPage(thread, { around: sendAsMenu })],
    ];

    expect(roles(readGmailTicket(threadPage(thread), THREAD_URL))).toEqual(['unknown', 'unknown', 'unknown']);
    for (const [label, doc] of sources) {
      const ticket = expectTicket(readGmailTicket(doc, THREAD_URL));
      expect(
        ticket.messages.map((message) => message.authorRole),
        label,
      ).toEqual(['customer', 'agent', 'customer']);
      expect(ticket.requester, label).toEqual(TOMASZ);
    }
  });

  it("takes nobody from the account chooser, a popped-out window's title or a chip named after a person", () => {
    const doc = threadPage([expanded(TOMASZ, chip(PRIYA, 'Priya', 'to me'), 'The mount cracked.'), ...thread.slice(1)], {
      subject: `Re: invoice - ${PRIYA.email} - thanks`,
      title: `Gmail - Re: invoice - ${PRIYA.email} - thanks`,
      around: `<div aria-label="Account Information"><a href="https://mail.google.com/mail/u/1"><div>${PRIYA.name}</div><div>${PRIYA.email}</div></a></div>`,
    });

    expect(roles(readGmailTicket(doc, THREAD_URL))).toEqual(['unknown', 'unknown', 'unknown']);
  });

  it('infers the mailbox from the To lines: the one address every message was sent from or to', () => {
    const doc = threadPage([
      expanded(TOMASZ, chip(TEAM), 'The mount cracked.'),
      expanded(TEAM, chip(TOMASZ, TOMASZ.name, 'Tomasz'), 'A new one is on its way.'),
      expanded(TOMASZ_WORK, chip(TEAM), 'Writing from work: it arrived, thanks.'),
    ]);

    const ticket = expectTicket(readGmailTicket(doc, THREAD_URL));

    expect(ticket.messages.map((message) => message.authorRole)).toEqual(['customer', 'agent', 'customer']);
    expect(ticket.requester).toEqual(TOMASZ);
  });

  it('reads a thread that does not say whose mailbox it is, with every role unknown and no requester', () => {
    const twoPeople = threadPage([
      expanded(TOMASZ, chip(TEAM), 'The mount cracked.'),
      expanded(TEAM, chip(TOMASZ, TOMASZ.name, 'Tomasz'), 'A new one is on its way.'),
    ]);
    const noOwner = parse(fixture('gmail/older-layout-search.html').replace('support@lumenbikes.test - ', ''));

    for (const [doc, url] of [
      [twoPeople, THREAD_URL],
      [noOwner, SEARCH_URL],
    ] as const) {
      const ticket = expectTicket(readGmailTicket(doc, url));
      expect(ticket.messages.every((message) => message.authorRole === 'unknown')).toBe(true);
      expect(ticket.requester).toEqual({});
    }
  });

  it("gives a third party (someone else in cc) the unknown role, and a second address under the customer's full name the customer's", () => {
    const colleague: Person = { name: 'Mira Wielgus', email: 'mira@wielgus-studio.example' };
    const doc = threadPage(
      [
        expanded(TOMASZ, chip(PRIYA, 'me'), 'The mount cracked.'),
        expanded(PRIYA, chip(TOMASZ, TOMASZ.name, 'Tomasz'), 'A new one is on its way.'),
        expanded(colleague, chip(PRIYA, 'me'), 'I can collect it for him.'),
        expanded(TOMASZ_WORK, chip(PRIYA, 'me'), 'From work: Mira will collect it.'),
      ],
      { title: `Cracked battery mount - ${PRIYA.email} - Gmail` },
    );

    expect(roles(readGmailTicket(doc, THREAD_URL))).toEqual(['customer', 'agent', 'unknown', 'customer']);
  });
});

describe('readGmailTicket: what each message shows', () => {
  const title = `Cracked battery mount - ${PRIYA.email} - Gmail`;

  it('reads a collapsed message as its snippet, marked partial, and skips messages folded into "N older messages"', () => {
    const doc = threadPage(
      [
        collapsed(TOMASZ, 'The mount on my e-bike cracked and'),
        folded(),
        folded('3'),
        folded(),
        collapsed(PRIYA, 'Could you send a photo of the'),
        expanded(TOMASZ, chip(PRIYA, 'me'), 'Photo attached.'),
      ],
      { title },
    );

    const ticket = expectTicket(readGmailTicket(doc, THREAD_URL));

    expect(ticket.messages.map(({ authorRole, partial, body }) => ({ authorRole, partial, body }))).toEqual([
      { authorRole: 'customer', partial: true, body: 'The mount on my e-bike cracked and' },
      { authorRole: 'agent', partial: true, body: 'Could you send a photo of the' },
      { authorRole: 'customer', partial: false, body: 'Photo attached.' },
    ]);
  });

  it('keeps a forwarded message in the body, and drops what Gmail trims behind "…" and a quoted reply', () => {
    const trimmedButton =
      '<div class="yj6qo ajU"><div class="ajR" role="button" aria-expanded="false" data-tooltip="Show trimmed content"></div></div>';
    const doc = threadPage(
      [
        expanded(
          TOMASZ,
          chip(PRIYA, 'me'),
          '<div>Here is the confirmation.</div><div class="gmail_quote"><div class="gmail_attr">---------- Forwarded message ---------<br>From: Lumen Orders</div><div>Order LB-7781 ships today.</div></div>',
        ),
        expanded(
          PRIYA,
          chip(TOMASZ, TOMASZ.name, 'Tomasz'),
          `<div>Thanks, a new mount is on its way.</div>${trimmedButton}<div class="adL"><div class="gmail_quote"><div class="gmail_attr">On Mon Tomasz wrote:</div><blockquote class="gmail_quote">Here is the confirmation.</blockquote></div></div>`,
        ),
        expanded(TOMASZ, chip(PRIYA, 'me'), '<div>Great.</div><div class="gmail_quote">On Mon Priya wrote: Thanks, a new mount</div>'),
      ],
      { title },
    );

    const bodies = expectTicket(readGmailTicket(doc, THREAD_URL)).messages.map((message) => message.body);

    expect(bodies).toEqual([
      'Here is the confirmation.\n---------- Forwarded message ---------\nFrom: Lumen Orders\nOrder LB-7781 ships today.',
      'Thanks, a new mount is on its way.',
      'Great.',
    ]);
  });

  it('refuses a page it cannot read for certain rather than read around it', () => {
    const ok = [expanded(TOMASZ, chip(PRIYA, 'me'), 'The mount cracked.'), expanded(PRIYA, chip(TOMASZ), 'A new one is on its way.')];
    const twoThreads = parse(
      `<html><head><title>${title}</title></head><body><div role="main">` +
        `<div><h2 class="hP">Cracked battery mount</h2><div role="list">${ok.join('')}</div></div>` +
        `<div><h2 class="hP">Another thread</h2><div role="list">${ok.join('')}</div></div></div></body></html>`,
    );
    // Each refusal names its reason, so a case refused for some other, accidental reason fails.
    const cases: [string, Document, RegExp][] = [
      ['two conversations on the page', twoThreads, /more than one Gmail conversation/i],
      [
        'a sender chip its avatar contradicts',
        threadPage([ok[0]!.replace(`jid="${TOMASZ.email}"`, `jid="${PRIYA.email}"`), ok[1]!], { title }),
        /sender chip and avatar/,
      ],
      [
        'a "…" button with no trimmed part behind it',
        threadPage(
          [
            ok[0]!,
            expanded(
              PRIYA,
              chip(TOMASZ),
              'Sure.<div class="ajR" role="button" aria-expanded="false" data-tooltip="…"></div><div>On Mon Tomasz wrote: x</div>',
            ),
          ],
          { title },
        ),
        /no trimmed part/,
      ],
      [
        'a message whose sender chip is gone',
        threadPage([ok[0]!.replace('class="gD"', 'class="renamed"').replace('<h3', '<div').replace('</h3>', '</div>'), ok[1]!], { title }),
        /no sender/,
      ],
      [
        'a list item with text but nothing of a sender',
        threadPage([...ok, '<div role="listitem">A message in a layout we do not know</div>'], { title }),
        /no sender/,
      ],
      ['no message shown in full', threadPage([collapsed(TOMASZ, 'The mount'), collapsed(PRIYA, 'A new one')], { title }), /shown in full/],
    ];

    expect(roles(readGmailTicket(threadPage(ok, { title }), THREAD_URL))).toEqual(['customer', 'agent']);
    for (const [label, doc, detail] of cases) {
      expect(readGmailTicket(doc, THREAD_URL), label).toMatchObject({
        kind: 'no-ticket',
        reason: 'unreadable-layout',
        detail: expect.stringMatching(detail),
      });
    }
  });
});

describe('findGmailComposer', () => {
  it('finds the reply box in both layouts, and nothing when no reply is open', () => {
    const current = parse(fixture('gmail/thread-with-collapsed-message.html'));
    const variant = parse(fixture('gmail/older-layout-search.html'));

    expect(findGmailComposer(current)).toBe(current.querySelector('div.M9 div[contenteditable="true"]'));
    expect(findGmailComposer(current)?.getAttribute('aria-label')).toBe('Message Body');
    expect(findGmailComposer(variant)).toBe(variant.querySelector('.Ap .Am'));
    expect(findGmailComposer(variant)).not.toBeNull();
    expect(findGmailComposer(gmailPage('<h2 class="hP">No reply open</h2>'))).toBeNull();
  });
});
