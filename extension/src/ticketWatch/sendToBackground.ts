/**
 * Sends a content-script message to the background and checks its typed reply, so a rejected
 * message surfaces as an error (in the page's console) instead of silently vanishing. The
 * background validates the message with zod (background/ticketRelay.ts); this side stays zod-free.
 */
import type { ContentScriptMessage } from '../messages/messages';
import { readMessageReply } from '../messages/pageMessages';

export async function sendToBackground(message: ContentScriptMessage): Promise<void> {
  const reply = readMessageReply(await chrome.runtime.sendMessage(message));
  if (reply === undefined) throw new Error('The background sent no valid reply');
  if (!reply.ok) throw new Error(`The background rejected ${message.type}: ${reply.error}`);
}

/** After the extension is reloaded or updated, old content scripts lose their connection for good. */
export function isExtensionContextGone(): boolean {
  return typeof chrome === 'undefined' || chrome.runtime?.id === undefined;
}
