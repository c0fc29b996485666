/**
 * Where the background delivers draft outcomes: the server's `assist.feedback` (with the agent's
 * saved connection settings), and session storage for the ones waiting to go there.
 */
import { createTandemClient } from '../connection/tandemClient';
import { settingsFromStorage } from '../settings/settings';
import { readStoredSettings } from '../settings/settingsStorage';
import { draftOutcomeStorageKey, type DraftOutcomeDelivery, type PendingDraftOutcome } from './draftOutcomeRelay';

const KEY_PREFIX = draftOutcomeStorageKey('');

function isPendingOutcome(value: unknown): value is PendingDraftOutcome {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.draftId === 'string' && typeof record.outcome === 'string' && typeof record.keptRatio === 'number';
}

export const chromeDraftOutcomeDelivery: DraftOutcomeDelivery = {
  async sendFeedback(feedback) {
    const settings = settingsFromStorage(await readStoredSettings());
    if (settings === undefined) throw new Error('Tandem is not connected to a server yet');
    await createTandemClient(settings).assist.feedback.mutate(feedback);
  },
  pending: {
    async put(outcome) {
      await chrome.storage.session.set({ [draftOutcomeStorageKey(outcome.draftId)]: outcome });
    },
    async remove(draftId) {
      await chrome.storage.session.remove(draftOutcomeStorageKey(draftId));
    },
    async all() {
      const everything: Record<string, unknown> = await chrome.storage.session.get(null);
      return Object.entries(everything)
        .filter(([key]) => key.startsWith(KEY_PREFIX))
        .map(([, value]) => value)
        .filter(isPendingOutcome);
    },
  },
};
