/**
 * Draft outcomes reach the server's assist.feedback only from our own content scripts and only
 * when valid; when the server cannot take one, it waits in storage and follows the next success.
 */
import { describe, expect, it } from 'vitest';
import {
  draftOutcomeStorageKey,
  isDraftOutcomeMessage,
  relayDraftOutcome,
  type DraftOutcomeDelivery,
  type DraftOutcomeFeedback,
  type PendingDraftOutcome,
} from './draftOutcomeRelay';
import type { MessageOrigin } from './ticketRelay';

const OWN_ID = 'abcdefghijklmnopabcdefghijklmnop';
const FROM_TAB_7: MessageOrigin = { extensionId: OWN_ID, tabId: 7, frameId: 0 };
const OUTCOME = { type: 'draft.outcome', draftId: 'd-1', outcome: 'sent-edited', keptRatio: 0.8 };

function fakeDelivery(serverUp = true) {
  const sent: DraftOutcomeFeedback[] = [];
  const waiting = new Map<string, PendingDraftOutcome>();
  const state = { serverUp };
  const delivery: DraftOutcomeDelivery = {
    sendFeedback: async (feedback) => {
      if (!state.serverUp) throw new Error('offline');
      sent.push(feedback);
    },
    pending: {
      put: async (outcome) => void waiting.set(outcome.draftId, outcome),
      remove: async (draftId) => void waiting.delete(draftId),
      all: async () => [...waiting.values()],
    },
    now: () => new Date('2026-12-02T10:00:00Z'),
  };
  return { sent, waiting, state, delivery };
}

describe('relayDraftOutcome', () => {
  it('sends a valid outcome to assist.feedback', async () => {
    const { sent, waiting, delivery } = fakeDelivery();

    expect(await relayDraftOutcome(OUTCOME, FROM_TAB_7, OWN_ID, delivery)).toEqual({ ok: true });
    expect(sent).toEqual([{ draftId: 'd-1', outcome: 'sent-edited', keptRatio: 0.8 }]);
    expect(waiting.size).toBe(0);
  });

  it('keeps an outcome the server cannot take, and sends it after the next one that gets through', async () => {
    const { sent, waiting, state, delivery } = fakeDelivery(false);

    expect(await relayDraftOutcome(OUTCOME, FROM_TAB_7, OWN_ID, delivery)).toEqual({ ok: true });
    expect([...waiting.values()]).toEqual([
      { draftId: 'd-1', outcome: 'sent-edited', keptRatio: 0.8, tabId: 7, reportedAt: '2026-12-02T10:00:00.000Z' },
    ]);

    state.serverUp = true;
    await relayDraftOutcome({ ...OUTCOME, draftId: 'd-2', outcome: 'sent-as-is', keptRatio: 1 }, FROM_TAB_7, OWN_ID, delivery);
    expect(sent.map((feedback) => feedback.draftId)).toEqual(['d-2', 'd-1']);
    expect(waiting.size).toBe(0);
  });

  it.each([
    ['an unknown outcome', { ...OUTCOME, outcome: 'sent-maybe' }],
    ['a ratio over 1', { ...OUTCOME, keptRatio: 1.5 }],
    ['a negative ratio', { ...OUTCOME, keptRatio: -0.1 }],
    ['a ratio that is not a number', { ...OUTCOME, keptRatio: '1' }],
    ['no draft id', { type: 'draft.outcome', outcome: 'sent-as-is', keptRatio: 1 }],
    ['an oversized draft id', { ...OUTCOME, draftId: 'x'.repeat(101) }],
  ])('rejects %s', async (_label, raw) => {
    const { sent, waiting, delivery } = fakeDelivery();

    expect(await relayDraftOutcome(raw, FROM_TAB_7, OWN_ID, delivery)).toEqual({ ok: false, error: 'Invalid message' });
    expect(sent).toEqual([]);
    expect(waiting.size).toBe(0);
  });

  it.each<[string, MessageOrigin]>([
    ['another extension', { ...FROM_TAB_7, extensionId: 'someoneelse' }],
    ['an extension page, not a tab', { ...FROM_TAB_7, tabId: undefined }],
    ['an embedded frame', { ...FROM_TAB_7, frameId: 3 }],
  ])('rejects an outcome from %s', async (_label, origin) => {
    const { sent, delivery } = fakeDelivery();

    expect((await relayDraftOutcome(OUTCOME, origin, OWN_ID, delivery)).ok).toBe(false);
    expect(sent).toEqual([]);
  });

  it('recognises outcome messages by type and names their storage key', () => {
    expect(isDraftOutcomeMessage(OUTCOME)).toBe(true);
    expect(isDraftOutcomeMessage({ type: 'ticket.closed' })).toBe(false);
    expect(isDraftOutcomeMessage(null)).toBe(false);
    expect(draftOutcomeStorageKey('d-1')).toBe('draftOutcome:d-1');
  });
});
