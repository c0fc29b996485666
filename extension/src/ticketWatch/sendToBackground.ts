/**
 * Sends a content-script message to the background and checks its typed reply, so a rejected
 * message surfaces as an error instead of silently vanishing.
 */
import { contentScriptMessageSchema, messageReplySchema, type ContentScriptMessage } from '../messages/messages';

export async function sendToBackground(message: ContentScriptMessage): Promise<void> {
  // Validate on the way out too: a reader bug should fail here, in the page's console, not in the background.
  const outgoing = contentScriptMessageSchema.parse(message);
  const reply = messageReplySchema.safeParse(await chrome.runtime.sendMessage(outgoing));
  if (!reply.success) throw new Error('The background sent no valid reply');
  if (!reply.data.ok) throw new Error(`The background rejected ${outgoing.type}: ${reply.data.error}`);
}

/** After the extension is reloaded or updated, old content scripts lose their connection for good. */
export function isExtensionContextGone(): boolean {
  return typeof chrome === 'undefined' || chrome.runtime?.id === undefined;
}
