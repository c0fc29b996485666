/**
 * The side panel's half of "insert the draft": asks the content script in the ticket's tab to
 * put the text into the site's composer, and turns every way that can fail (no content script,
 * no composer open, a malformed answer) into one sentence the agent can act on.
 */
import { insertDraftReplySchema, type InsertDraftMessage, type InsertDraftReply } from '../messages/messages';

export async function insertIntoTab(tabId: number, draftId: string, text: string): Promise<InsertDraftReply> {
  const message: InsertDraftMessage = { type: 'draft.insert', draftId, text };
  try {
    const raw: unknown = await chrome.tabs.sendMessage(tabId, message, { frameId: 0 });
    const reply = insertDraftReplySchema.safeParse(raw);
    return reply.success ? reply.data : { ok: false, error: 'The page answered in a way Tandem does not understand' };
  } catch {
    return { ok: false, error: 'Tandem is not running in that tab any more — reload the helpdesk page and try again' };
  }
}
