// @vitest-environment jsdom
// The widget in a DOM against a fake server: a question streams an answer with a safe citation
// link; hostile text stays text; a handoff and a person's reply show who is answering; the rating
// is sent; a reload resumes the conversation from history and the stream from its last event;
// Escape closes the panel and focus returns to the launcher; Tab stays in the panel.
import type { WidgetConfig, WidgetConversation, WidgetEvent, WidgetHistory } from '@tandem/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WidgetApi } from './transport/api.js';
import { visitorStore } from './state/visitorStore.js';
import { startWidget, type WidgetHandle } from './widget.js';

const at = '2026-03-01T10:00:00.000Z';
const SITE = 'pk_abcdefghijklmnop1234';
const conv = (status: WidgetConversation['status'] = 'ai'): WidgetConversation => ({ id: 'c1', status, createdAt: at, updatedAt: at });

/** A stream the test writes events into. */
function liveStream() {
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  let seq = 100;
  return {
    response: new Response(body, { headers: { 'content-type': 'text/event-stream' } }),
    emit(event: WidgetEvent, id = `c1.${seq++}`) {
      controller?.enqueue(new TextEncoder().encode(`id: ${id}\ndata: ${JSON.stringify(event)}\n\n`));
    },
  };
}

function fakeApi(history?: WidgetHistory) {
  const stream = liveStream();
  const lastEventIds: (string | undefined)[] = [];
  const api = {
    config: vi.fn(async (): Promise<WidgetConfig> => ({
      siteKey: SITE,
      name: 'Northwind',
      theme: { accentColor: '#0f766e', position: 'bottom-right', colorScheme: 'light', title: 'Northwind help', greeting: 'Hi there' },
      suggestedQuestions: ['How do returns work?'],
      limits: { messageChars: 2000 },
    })),
    session: vi.fn(async () => ({
      visitorToken: 'vt1.token',
      expiresAt: at,
      visitor: { id: 'v1', verified: false },
      conversation: history?.conversation ?? null,
    })),
    openConversation: vi.fn(async () => conv()),
    history: vi.fn(async () => history as WidgetHistory),
    send: vi.fn(async (_t: string, _c: string, input: { text: string; clientMessageId: string }) => ({
      message: { id: `m-${input.clientMessageId}`, text: input.text, sentAt: at },
      eventId: 'c1.1',
    })),
    preview: vi.fn(async (_t: string, _text: string) => undefined),
    handoff: vi.fn(async () => conv('waiting-for-human')),
    rate: vi.fn(async (_t: string, c: string, input: { score: number }) => ({ conversationId: c, score: input.score, ratedAt: at })),
    events: vi.fn(async (_t: string, lastEventId: string | undefined) => {
      lastEventIds.push(lastEventId);
      return stream.response;
    }),
  } satisfies WidgetApi;
  return { api, stream, lastEventIds };
}

let widget: WidgetHandle | undefined;
let host: HTMLElement;
let shadow: ShadowRoot;
const $ = <T extends Element = HTMLElement>(selector: string) => shadow.querySelector<T>(selector) as T;
const $$ = (selector: string) => Array.from(shadow.querySelectorAll<HTMLElement>(selector));
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

async function mount(api: WidgetApi) {
  host = document.createElement('tandem-widget');
  shadow = host.attachShadow({ mode: 'open' });
  document.body.append(host);
  widget = await startWidget({ api, store: visitorStore(localStorage, SITE), host, shadow });
}

beforeEach(() => localStorage.clear());
afterEach(() => {
  widget?.stop();
  host.remove();
});

describe('widget', () => {
  it('streams an answer with its citation as a safe link, and renders hostile text as text', async () => {
    const { api, stream } = fakeApi();
    await mount(api);
    expect(api.session).not.toHaveBeenCalled();
    $('.launcher').click();
    expect($('.panel').hidden).toBe(false);
    expect(shadow.activeElement).toBe($('textarea'));
    expect($('.suggestions').hidden).toBe(false);

    const hostile = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>';
    $<HTMLTextAreaElement>('textarea').value = hostile;
    $('.send').click();
    await vi.waitFor(() => expect(api.send).toHaveBeenCalled());
    expect(api.send.mock.calls[0]?.[2].text).toBe(hostile);
    expect($('.visitor .text').textContent).toBe(hostile);

    stream.emit({ type: 'typing', conversationId: 'c1' });
    await vi.waitFor(() => expect($('.typing').hidden).toBe(false));
    stream.emit({ type: 'token', conversationId: 'c1', text: 'Returns are free within 30 days [1]. ' });
    await vi.waitFor(() => expect($('.draft .text').textContent).toBe('Returns are free within 30 days [1]. '));
    expect($('.typing').hidden).toBe(true);
    stream.emit({
      type: 'answer',
      conversationId: 'c1',
      message: {
        id: 'a1',
        text: 'Returns are free within 30 days [1]. <a href="javascript:alert(1)">x</a>',
        sentAt: at,
        citations: [
          { n: 1, title: 'Returns <b>policy</b>', url: 'https://help.example/returns' },
          { n: 2, title: 'Unlinked', url: 'https://user:pw@help.example/' },
        ],
        confidence: 0.9,
      },
    });
    await vi.waitFor(() => expect($$('.msg.ai:not(.draft)')).toHaveLength(1));
    expect($$('.draft')).toHaveLength(0);
    const links = $$('a');
    expect(links).toHaveLength(1);
    expect(links[0]?.getAttribute('href')).toBe('https://help.example/returns');
    expect(links[0]?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(links[0]?.getAttribute('target')).toBe('_blank');
    expect(links[0]?.textContent).toBe('Returns <b>policy</b>');
    expect($$('img, script, b')).toHaveLength(0);
    const handlers = $$('*').flatMap((el) => el.getAttributeNames().filter((name) => name.startsWith('on')));
    expect(handlers).toEqual([]);
    // Screen readers heard the streamed sentence once and the rest of the answer after it.
    const heard = Array.from($('[aria-live]').children, (p) => p.textContent);
    expect(heard).toEqual(['Returns are free within 30 days [1].', '<a href="javascript:alert(1)">x</a>']);
  });

  it('shows a handoff, then the person answering, and asks for and sends a rating after close', async () => {
    const { api, stream } = fakeApi();
    await mount(api);
    $('.launcher').click();
    expect($('.who').textContent).toMatch(/AI assistant/);
    $('.human-btn').click();
    await vi.waitFor(() => expect(api.handoff).toHaveBeenCalledWith('vt1.token', 'c1'));
    await vi.waitFor(() => expect($('.who').textContent).toMatch(/Waiting for a person/));
    expect($('.human-btn').hidden).toBe(true);

    stream.emit({ type: 'handoff', conversationId: 'c1', reason: 'asked-for-human', at });
    stream.emit({
      type: 'human',
      conversationId: 'c1',
      message: { id: 'h1', text: 'Hi, Dana here.', sentAt: at, agent: { name: 'Dana' } },
    });
    await vi.waitFor(() => expect($('.who').textContent).toBe('Answered by Dana, support team'));
    expect($('.human .author').textContent).toBe('Dana · support team');

    stream.emit({ type: 'closed', conversationId: 'c1', at });
    stream.emit({ type: 'rating-request', conversationId: 'c1', at });
    await vi.waitFor(() => expect($('.rating').hidden).toBe(false));
    expect($('.composer').hidden).toBe(true);
    $$('.star')[3]?.click();
    await vi.waitFor(() => expect(api.rate).toHaveBeenCalledWith('vt1.token', 'c1', { score: 4 }));
    await vi.waitFor(() => expect($('.thanks').hidden).toBe(false));
  });

  it('resumes after a reload: history first, then the stream after its last event', async () => {
    const history: WidgetHistory = {
      conversation: conv('waiting-for-human'),
      events: [
        { id: 'c1.1', event: { type: 'message', conversationId: 'c1', message: { id: 'm1', text: 'Is my tent waterproof?', sentAt: at } } },
        { id: 'c1.2', event: { type: 'handoff', conversationId: 'c1', reason: 'no-answer', at } },
      ],
      lastEventId: 'c1.2',
    };
    localStorage.setItem(`tandem-widget:v1:${SITE}`, JSON.stringify({ visitorToken: 'vt1.old', conversationId: 'c1', open: true }));
    const { api, lastEventIds } = fakeApi(history);
    await mount(api);
    expect(api.session).toHaveBeenCalledWith({ visitorToken: 'vt1.old', identity: undefined });
    expect($('.panel').hidden).toBe(false);
    expect($$('.log > li').map((li) => li.textContent)).toEqual([
      'You: Is my tent waterproof?',
      'We could not find an answer to that. A person from our team will reply here.',
    ]);
    await vi.waitFor(() => expect(lastEventIds).toEqual(['c1.2']));
    // Nothing from the reload was read out again.
    expect($('[aria-live]').children).toHaveLength(0);
  });

  it('closes on Escape with focus back on the launcher, and keeps Tab inside the open panel', async () => {
    const { api } = fakeApi();
    await mount(api);
    $('.launcher').click();
    const panel = $('.panel');
    const last = $('.send');
    last.focus();
    last.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true }));
    expect(shadow.activeElement).toBe($('.close'));
    $('.close').dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', shiftKey: true, bubbles: true, cancelable: true }));
    expect(shadow.activeElement).toBe(last);
    $('textarea').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(panel.hidden).toBe(true);
    expect(shadow.activeElement).toBe($('.launcher'));
    expect($('.launcher').getAttribute('aria-expanded')).toBe('false');
  });

  it('puts an unsent message back in the composer and says why', async () => {
    const { api } = fakeApi();
    api.send.mockRejectedValueOnce(Object.assign(new (await import('./transport/api.js')).ApiError(429, 'TOO_MANY_REQUESTS', 'slow', 3)));
    await mount(api);
    $('.launcher').click();
    $<HTMLTextAreaElement>('textarea').value = 'Hello?';
    $('.send').click();
    await vi.waitFor(() => expect($('.status').hidden).toBe(false));
    expect($('.status').textContent).toMatch(/wait a moment/);
    expect($<HTMLTextAreaElement>('textarea').value).toBe('Hello?');
    expect($$('.visitor')).toHaveLength(0);
    await flush();
  });

  it('sends what the visitor types as a preview once they pause, only with a session, once per text', async () => {
    const { api } = fakeApi();
    await mount(api);
    $('.launcher').click();
    const type = (text: string) => {
      $<HTMLTextAreaElement>('textarea').value = text;
      $('textarea').dispatchEvent(new Event('input', { bubbles: true }));
    };
    // No session yet: typing alone does not start one.
    type('How do returns work for gifts?');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(api.session).not.toHaveBeenCalled();
    expect(api.preview).not.toHaveBeenCalled();

    $('.send').click();
    await vi.waitFor(() => expect(api.send).toHaveBeenCalled());
    type('Hi');
    type('Can I return a gift without');
    type('Can I return a gift without the receipt?');
    await vi.waitFor(() => expect(api.preview).toHaveBeenCalledTimes(1), { timeout: 5_000 });
    expect(api.preview.mock.calls[0]?.[1]).toBe('Can I return a gift without the receipt?');
    type('Can I return a gift without the receipt? ');
    type('Hi');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(api.preview).toHaveBeenCalledTimes(1);
    await flush();
  });

  it('stays out of the page when the server refuses the site or the origin', async () => {
    const { api } = fakeApi();
    api.config.mockRejectedValueOnce(new Error('403'));
    await mount(api);
    expect(widget).toBeUndefined();
    expect(shadow.childElementCount).toBe(0);
  });
});
