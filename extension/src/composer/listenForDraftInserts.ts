/**
 * Wires a content script to the side panel's `draft.insert` requests: answers each one (see
 * insertMessage.ts) and follows every inserted draft until it is sent or dropped, then reports
 * its outcome to the background. One watch per composer: a second draft into the same box
 * replaces the first one's watch (the first is then part of the text around the second).
 */
import type { DraftOutcomeMessage } from '../messages/messages';
import { answerInsertDraft, type InsertDraftTarget } from './insertMessage';
import { sendDraftOutcome } from './sendDraftOutcome';
import { watchDraftOutcome, type DraftOutcomeWatch } from './watchDraftOutcome';

export interface DraftInsertListenerOptions {
  findComposer: InsertDraftTarget['findComposer'];
  composerLabel: InsertDraftTarget['composerLabel'];
  sendOutcome?: (message: DraftOutcomeMessage) => Promise<void>;
}

/** Starts answering `draft.insert`; returns the function that stops answering and watching. */
export function listenForDraftInserts(options: DraftInsertListenerOptions): () => void {
  const { findComposer, composerLabel, sendOutcome = sendDraftOutcome } = options;
  const watches = new Map<HTMLElement, DraftOutcomeWatch>();

  const target: InsertDraftTarget = {
    findComposer,
    composerLabel,
    onInserted: ({ composer, message, around }) => {
      watches.get(composer)?.stop();
      const watch = watchDraftOutcome({
        composer,
        draft: message.text,
        around,
        report: ({ outcome, keptRatio }) => {
          watches.delete(composer);
          // The background may be restarting; a lost outcome costs one data point, never the page.
          sendOutcome({ type: 'draft.outcome', draftId: message.draftId, outcome, keptRatio }).catch(() => undefined);
        },
      });
      watches.set(composer, watch);
    },
  };

  const listener = (raw: unknown, sender: chrome.runtime.MessageSender, sendResponse: (response: unknown) => void) => {
    const reply = answerInsertDraft(raw, sender, chrome.runtime.id, target);
    if (reply === undefined) return false;
    sendResponse(reply);
    return false;
  };
  chrome.runtime.onMessage.addListener(listener);

  return () => {
    chrome.runtime.onMessage.removeListener(listener);
    for (const watch of watches.values()) watch.stop();
    watches.clear();
  };
}
