// @vitest-environment jsdom
/**
 * The content script's wiring, with a stand-in for chrome.runtime: the side panel's request is
 * answered through sendResponse, and the inserted draft's outcome goes to the background.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DraftOutcomeMessage } from '../messages/messages';
import { listenForDraftInserts } from './listenForDraftInserts';

type Listener = (raw: unknown, sender: chrome.runtime.MessageSender, sendResponse: (response: unknown) => void) => boolean | undefined;

const OWN_ID = 'tandem-extension-id';
let listeners: Listener[];
let outcomes: DraftOutcomeMessage[];
let stop: (() => void) | undefined;

beforeEach(() => {
  vi.useFakeTimers();
  listeners = [];
  outcomes = [];
  const runtime = {
    id: OWN_ID,
    onMessage: {
      addListener: (listener: Listener) => listeners.push(listener),
      removeListener: (listener: Listener) => (listeners = listeners.filter((each) => each !== listener)),
    },
  };
  vi.stubGlobal('chrome', { runtime });
  document.body.innerHTML = '<div class="M9"><div id="composer" contenteditable="true"></div></div>';
  stop = listenForDraftInserts({
    findComposer: () => document.querySelector<HTMLElement>('#composer'),
    composerLabel: () => 'Gmail reply box',
    sendOutcome: async (message) => void outcomes.push(message),
  });
});

afterEach(() => {
  stop?.();
  vi.unstubAllGlobals();
  vi.useRealTimers();
  document.body.innerHTML = '';
});

function deliver(raw: unknown, sender: chrome.runtime.MessageSender): unknown[] {
  const responses: unknown[] = [];
  for (const listener of listeners) listener(raw, sender, (response) => responses.push(response));
  return responses;
}

describe('listenForDraftInserts', () => {
  it('answers the side panel and reports the outcome once the reply is sent', async () => {
    const responses = deliver({ type: 'draft.insert', draftId: 'd-42', text: 'Refund sent.' }, { id: OWN_ID });
    expect(responses).toEqual([{ ok: true, composer: 'Gmail reply box' }]);
    expect(document.querySelector('#composer')?.textContent).toBe('Refund sent.');

    document.querySelector('.M9')?.remove();
    await vi.advanceTimersByTimeAsync(600);

    expect(outcomes).toEqual([{ type: 'draft.outcome', draftId: 'd-42', outcome: 'sent-as-is', keptRatio: 1 }]);
  });

  it('answers a request from a tab with a refusal, and other messages not at all', () => {
    expect(deliver({ type: 'draft.insert', draftId: 'd-1', text: 'x' }, { id: OWN_ID, tab: { id: 3 } as chrome.tabs.Tab })).toEqual([
      { ok: false, error: "Drafts are inserted only at the request of Tandem's side panel" },
    ]);
    expect(deliver({ type: 'ticket.closed' }, { id: OWN_ID })).toEqual([]);
    expect(document.querySelector('#composer')?.textContent).toBe('');
  });

  it('follows only the newest draft in a composer', async () => {
    deliver({ type: 'draft.insert', draftId: 'd-1', text: 'First.' }, { id: OWN_ID });
    deliver({ type: 'draft.insert', draftId: 'd-2', text: ' Second.' }, { id: OWN_ID });

    document.querySelector('.M9')?.remove();
    await vi.advanceTimersByTimeAsync(600);

    expect(outcomes.map((outcome) => [outcome.draftId, outcome.outcome])).toEqual([['d-2', 'sent-as-is']]);
  });

  it('stops listening and watching when stopped', async () => {
    deliver({ type: 'draft.insert', draftId: 'd-1', text: 'First.' }, { id: OWN_ID });
    stop?.();
    stop = undefined;

    expect(listeners).toEqual([]);
    document.querySelector('.M9')?.remove();
    await vi.advanceTimersByTimeAsync(600);
    expect(outcomes).toEqual([]);
  });
});
