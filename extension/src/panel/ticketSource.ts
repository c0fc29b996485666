/**
 * Which tab's ticket the panel shows. In the side panel: the active tab of its window. Opened as
 * an ordinary page (a pop-out, or a browser test), the active tab is the panel itself, so it shows
 * the most recently reported ticket instead, unless `?tabId=` pins one tab.
 */
export type TicketSource = { kind: 'pinned-tab'; tabId: number } | { kind: 'active-tab' } | { kind: 'latest' };

export function ticketSourceFor(search: string, hostedInTab: boolean): TicketSource {
  const pinned = new URLSearchParams(search).get('tabId');
  if (pinned !== null && /^\d{1,10}$/.test(pinned)) return { kind: 'pinned-tab', tabId: Number(pinned) };
  return hostedInTab ? { kind: 'latest' } : { kind: 'active-tab' };
}
