/**
 * The MV3 service worker: opens the side panel from the toolbar button and relays each tab's
 * current ticket from its content script into session storage, where the side panel reads it.
 * A service worker has no window or DOM, and may be stopped at any moment, so it keeps no state
 * of its own: everything lives in storage.
 */
import { clearTabTicket, saveTabTicket } from '../tickets/ticketStorage';
import { relayContentMessage, type TabTicketStore } from './ticketRelay';

const tabTickets: TabTicketStore = { save: saveTabTicket, clear: clearTabTicket };

void chrome.sidePanel.setPanelBehavior({ openPanelOnActionClick: true });

chrome.runtime.onMessage.addListener((raw: unknown, sender, sendReply) => {
  const origin = { extensionId: sender.id, tabId: sender.tab?.id, frameId: sender.frameId };
  relayContentMessage(raw, origin, chrome.runtime.id, tabTickets).then(sendReply, (error: unknown) =>
    sendReply({ ok: false, error: error instanceof Error ? error.message : 'The ticket could not be stored' }),
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
