/**
 * Content script → background: reports what became of an inserted draft, with the background's
 * typed reply checked so a rejection surfaces as an error. The background validates the message
 * (draftOutcomeRelay.ts); the content script checks without zod to stay small.
 */
import type { DraftOutcomeMessage } from '../messages/messages';
import { readMessageReply } from '../messages/pageMessages';

export async function sendDraftOutcome(message: DraftOutcomeMessage): Promise<void> {
  const reply = readMessageReply(await chrome.runtime.sendMessage(message));
  if (reply === undefined) throw new Error('The background sent no valid reply');
  if (!reply.ok) throw new Error(`The background rejected draft.outcome: ${reply.error}`);
}
