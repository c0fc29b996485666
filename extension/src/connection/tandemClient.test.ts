/**
 * The panel's client streams a draft over server-sent events with the bearer token in a header
 * (never in the URL), and resumes a dropped stream after the last tracked event it saw.
 */
import type { DraftEvent } from '@tandem/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ExtensionSettings } from '../settings/settings';
import { createTandemClient } from './tandemClient';

const SETTINGS: ExtensionSettings = { serverUrl: 'http://127.0.0.1:8787', apiToken: 'tdm_secret' };

/** One SSE response as tRPC's server writes it: `connected`, then tracked messages, then the body ends. */
function sseResponse(events: { id: string; data: DraftEvent }[]): Response {
  const lines = ['retry: 10', '', 'event: connected', 'data: {}', ''];
  for (const event of events) lines.push(`id: ${event.id}`, `data: ${JSON.stringify(event.data)}`, '');
  return new Response(lines.join('\n') + '\n', { status: 200, headers: { 'content-type': 'text/event-stream' } });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('createTandemClient subscriptions', () => {
  it('sends the token as a header and resumes with the last event id after a drop', async () => {
    const requests: { url: URL; authorization: string | null; lastEventId: string | null }[] = [];
    const responses = [
      sseResponse([
        { id: 'dr_1:1', data: { type: 'token', text: 'Hello ' } },
        { id: 'dr_1:2', data: { type: 'token', text: 'there' } },
      ]),
      sseResponse([{ id: 'dr_1:3', data: { type: 'done', confidence: 0.9, needsReview: false, citations: [], drafter: 'embedded' } }]),
    ];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: string | URL, init?: RequestInit) => {
        const headers = new Headers(init?.headers);
        requests.push({
          url: new URL(String(input)),
          authorization: headers.get('authorization'),
          lastEventId: headers.get('last-event-id'),
        });
        const next = responses.shift();
        if (next === undefined) throw new Error('no more responses');
        return next;
      }),
    );

    const client = createTandemClient(SETTINGS);
    const seen = await new Promise<{ id: string; data: DraftEvent }[]>((resolve, reject) => {
      const received: { id: string; data: DraftEvent }[] = [];
      const sub = client.assist.draft.subscribe(
        { draftId: 'dr_1' },
        {
          onData: (event) => {
            received.push(event);
            if (event.data.type === 'done') {
              sub.unsubscribe();
              resolve(received);
            }
          },
          onError: reject,
        },
      );
    });

    expect(seen.map((e) => e.id)).toEqual(['dr_1:1', 'dr_1:2', 'dr_1:3']);
    expect(requests).toHaveLength(2);
    for (const request of requests) {
      expect(request.authorization).toBe('Bearer tdm_secret');
      expect(request.url.pathname).toBe('/trpc/assist.draft');
      expect(request.url.search).not.toContain('tdm_secret');
    }
    expect(JSON.parse(requests[0]!.url.searchParams.get('input') ?? '')).toEqual({ draftId: 'dr_1' });
    expect(requests[0]!.lastEventId).toBeNull();
    // The EventSource reconnects on its own with Last-Event-ID, which tRPC's server reads as `input.lastEventId`.
    expect(requests[1]!.lastEventId).toBe('dr_1:2');
  });

  it('still sends queries and mutations batched over plain HTTP', async () => {
    const fetchStub = vi.fn<typeof fetch>(
      async () =>
        new Response(JSON.stringify([{ result: { data: { draftId: 'dr_9' } } }]), { headers: { 'content-type': 'application/json' } }),
    );
    vi.stubGlobal('fetch', fetchStub);

    const started = await createTandemClient(SETTINGS).assist.start.mutate({
      ticket: { site: 'api', ticketId: 'T-1', subject: 'Hi', requester: {}, messages: [] },
    });

    expect(started).toEqual({ draftId: 'dr_9' });
    const [url, init] = fetchStub.mock.calls[0]!;
    expect(String(url)).toBe('http://127.0.0.1:8787/trpc/assist.start?batch=1');
    expect(init?.method).toBe('POST');
    expect(new Headers(init?.headers).get('authorization')).toBe('Bearer tdm_secret');
  });
});
