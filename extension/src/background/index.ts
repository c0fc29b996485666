/**
 * The MV3 service worker: opens the side panel from the toolbar button, relays each tab's
 * current ticket from its content script into session storage (where the side panel reads it),
 * delivers what became of inserted drafts to the server's assist.feedback, and keeps content
 * scripts registered for the admin's mapped hosts, and (in follow mode) publishes the agent's ticket for their
 * desktop app and inserts the drafts it sends. A service worker has no window or DOM, and may be stopped at any moment, so it
 * keeps no state of its own: everything lives in storage.
 */
import { SITE_SETTINGS_KEYS } from '../settings/siteSettings';
import { clearTabTicket, saveTabTicket, saveTabUnreadable } from '../tickets/ticketStorage';
import { chromeDraftOutcomeDelivery } from './draftOutcomeDelivery';
import { isDraftOutcomeMessage, relayDraftOutcome } from './draftOutcomeRelay';
import { runFollowMode } from './followMode';
import { syncMappedHostScripts } from './mappedHostScripts';
import { relayContentMessage, type MessageOrigin, type TabTicketStore } from './ticketRelay';

const tabTickets: TabTicketStore = { save: saveTabTicket, clear: clearTabTicket, saveUnreadable: saveTabUnreadable };

void chrome.sidePanel.setPanelBehavior({ openPanelOnActionClick: true });

chrome.runtime.onMessage.addListener((raw: unknown, sender, sendReply) => {
  const origin: MessageOrigin = { extensionId: sender.id, tabId: sender.tab?.id, frameId: sender.frameId };
  const reply = isDraftOutcomeMessage(raw)
    ? relayDraftOutcome(raw, origin, chrome.runtime.id, chromeDraftOutcomeDelivery)
    : relayContentMessage(raw, origin, chrome.runtime.id, tabTickets);
  reply.then(sendReply, (error: unknown) =>
    sendReply({ ok: false, error: error instanceof Error ? error.message : 'The message could not be handled' }),
  );
  // Keeps the reply channel open for the asynchronous answer.
  return true;
});

chrome.tabs.onRemoved.addListener((tabId) => {
  void clearTabTicket(tabId);
});

// A new document in the tab means the old ticket is gone: the new page's content script, if any,
// reports its own once loaded, and a page it never runs on must not keep showing the old one.
// Only webNavigation tells a new document from a single-page app's pushState, which keeps its
// ticket (tabs.onUpdated reports both as 'loading').
chrome.webNavigation.onCommitted.addListener((details) => {
  if (details.frameId === 0 && details.documentLifecycle !== 'prerender') void clearTabTicket(details.tabId);
});

// Content scripts for mapped hosts follow the mappings and the origins the admin granted. Chrome
// keeps registrations across restarts, but an update renames the script file: sync at every start.
void syncMappedHostScripts();
chrome.storage.onChanged.addListener((changes, areaName) => {
  if (areaName === 'local' && SITE_SETTINGS_KEYS.hostMappings in changes) void syncMappedHostScripts();
});
chrome.permissions.onAdded.addListener(() => void syncMappedHostScripts());
chrome.permissions.onRemoved.addListener(() => void syncMappedHostScripts());

// Follow mode (off until the agent turns it on in the options): the desktop app follows this browser's ticket.
runFollowMode();
