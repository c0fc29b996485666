/**
 * Insert from the Copilot pane into the app's own helpdesk tab: main asks the tab's preload to
 * fill the site's reply box and answers with the box it used or a typed error (not on a ticket
 * page, no reply box, no answer in time, tab closed), which becomes the line the shared panel
 * shows under Insert.
 */
import type { InsertDraftReply } from '@tandem/panel';
import type { TandemErrorCode } from '@tandem/shared';
import type { HelpdeskBridge } from '../../../ipc/helpdeskChannels';

/** Said instead of main's message only where that message would not help the agent. */
const FALLBACK: Partial<Record<TandemErrorCode, string>> = {
  BAD_REQUEST: 'The draft could not be sent to the helpdesk tab',
  INTERNAL_SERVER_ERROR: 'The helpdesk tab could not take the draft',
};

export async function insertIntoHelpdeskTab(
  bridge: HelpdeskBridge,
  tabId: string,
  draftId: string,
  text: string,
): Promise<InsertDraftReply> {
  const answer = await bridge.insert({ tabId, draftId, text });
  if (answer.ok) return { ok: true, composer: answer.value.composer };
  const { code, message } = answer.error;
  return { ok: false, error: message === '' ? (FALLBACK[code] ?? 'The draft could not be inserted') : message };
}
