// @vitest-environment jsdom
/**
 * The page watcher in a jsdom page: first report, re-reads after DOM changes settle, marks the
 * page, and retries after a failed send.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFixtureTicket } from '../adapters/fixtureAdapter';
import type { ContentScriptMessage } from '../messages/messages';
import { SETTLE_MS, watchTicketPage, type TicketPageWatch } from './watchTicketPage';

const TICKET_HTML = `<main data-tandem-fixture="ticket" data-ticket-id="T-1001"><h1 class="ticket-subject">Refund</h1>
  <article class="message" data-role="customer"><div class="body">Charged twice</div></article></main>`;

let watch: TicketPageWatch | undefined;
let sent: ContentScriptMessage[];

function start(send: (message: ContentScriptMessage) => Promise<void> = async (message) => void sent.push(message)) {
  watch = watchTicketPage({ doc: document, read: readFixtureTicket, currentUrl: () => 'http://127.0.0.1:4173/t/1001', send });
  return watch;
}

beforeEach(() => {
  vi.useFakeTimers();
  sent = [];
  document.body.innerHTML = TICKET_HTML;
});

afterEach(() => {
  watch?.stop();
  vi.useRealTimers();
  delete document.documentElement.dataset.tandemTicket;
});

describe('watchTicketPage', () => {
  it('reports the open ticket at start and marks the page', async () => {
    await start().check();

    expect(sent.map((message) => message.type)).toEqual(['ticket.opened']);
    expect(document.documentElement.getAttribute('data-tandem-ticket')).toBe('T-1001');
  });

  it('re-reads after DOM changes settle and reports each real change once', async () => {
    await start().check();

    document
      .querySelector('main')!
      .insertAdjacentHTML('beforeend', '<article class="message" data-role="agent"><div class="body">On it</div></article>');
    document.querySelector('main')!.setAttribute('data-ticket-id', 'T-1001');
    await vi.advanceTimersByTimeAsync(SETTLE_MS - 10);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(20);
    expect(sent.map((message) => message.type)).toEqual(['ticket.opened', 'ticket.updated']);

    document.querySelector('main')!.setAttribute('data-ticket-id', 'T-2002');
    await vi.advanceTimersByTimeAsync(200);
    expect(sent.at(-1)).toMatchObject({ type: 'ticket.opened', ticket: { ticketId: 'T-2002' } });
    expect(document.documentElement.dataset.tandemTicket).toBe('T-2002');

    document.body.innerHTML = '<main><h1>Dashboard</h1></main>';
    await vi.advanceTimersByTimeAsync(200);
    expect(sent.at(-1)).toEqual({ type: 'ticket.closed' });
    expect(document.documentElement.dataset.tandemTicket).toBeUndefined();
  });

  it('sends a failed report again after the next change', async () => {
    let fail = true;
    await start(async (message) => {
      if (fail) throw new Error('Could not establish connection');
      sent.push(message);
    }).check();
    expect(sent).toEqual([]);

    fail = false;
    document.body.append(document.createElement('span'));
    await vi.advanceTimersByTimeAsync(200);
    expect(sent.map((message) => message.type)).toEqual(['ticket.opened']);
  });

  it('reports again when the page comes back from the back/forward cache', async () => {
    await start().check();

    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    await watch!.check();

    expect(sent.map((message) => message.type)).toEqual(['ticket.opened', 'ticket.opened']);
  });

  it('stops observing when stopped', async () => {
    const stopped = start();
    await stopped.check();
    stopped.stop();

    document.body.innerHTML = '<main></main>';
    await vi.advanceTimersByTimeAsync(500);
    expect(sent).toHaveLength(1);
  });
});
