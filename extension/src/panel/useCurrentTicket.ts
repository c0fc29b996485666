/**
 * The ticket open in the tab the panel follows, kept current as the agent switches tabs and as
 * the background records tickets.
 */
import { useEffect, useState } from 'react';
import { readLatestTicket, readTabTicket, watchTickets } from '../tickets/ticketStorage';
import type { StoredTab, StoredTicket } from '../tickets/currentTicket';
import { ticketSourceFor, type TicketSource } from './ticketSource';

export type CurrentTicket =
  | { kind: 'loading' }
  | { kind: 'none' }
  | { kind: 'ticket'; stored: StoredTicket }
  /** A known site's ticket page whose layout did not read: said plainly, never guessed. */
  | { kind: 'unreadable'; tabId: number; detail: string };

function currentFrom(stored: StoredTab | undefined): CurrentTicket {
  if (stored === undefined) return { kind: 'none' };
  return 'ticket' in stored ? { kind: 'ticket', stored } : { kind: 'unreadable', tabId: stored.tabId, detail: stored.unreadable.detail };
}

/** The ticket, and the tab it follows when that is one known tab (undefined for "latest"). */
async function readFrom(source: TicketSource): Promise<{ stored: StoredTab | undefined; tabId: number | undefined }> {
  switch (source.kind) {
    case 'pinned-tab':
      return { stored: await readTabTicket(source.tabId), tabId: source.tabId };
    case 'latest':
      return { stored: await readLatestTicket(), tabId: undefined };
    case 'active-tab': {
      const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
      return tab?.id === undefined ? { stored: undefined, tabId: undefined } : { stored: await readTabTicket(tab.id), tabId: tab.id };
    }
  }
}

export function useCurrentTicket(): CurrentTicket {
  const [current, setCurrent] = useState<CurrentTicket>({ kind: 'loading' });

  useEffect(() => {
    let disposed = false;
    let generation = 0;
    let source: TicketSource | undefined;
    /** The one tab followed, once known: its ticket changes then need no second read. */
    let followedTab: number | undefined;

    const refresh = async () => {
      const mine = ++generation;
      source ??= ticketSourceFor(location.search, (await chrome.tabs.getCurrent()) !== undefined);
      const { stored, tabId } = await readFrom(source);
      // Only the newest read may win: a slow read must not overwrite a later tab switch.
      if (disposed || mine !== generation) return;
      followedTab = tabId;
      setCurrent(currentFrom(stored));
    };
    const onTabActivated = () => {
      followedTab = undefined;
      void refresh();
    };
    const onTicketsChanged = (changed: ReadonlyMap<number, StoredTab | undefined>) => {
      // Following one known tab: the change carries its ticket, so the panel renders without
      // another storage read (this is on the ticket-open → cards path).
      if (followedTab === undefined) {
        void refresh();
        return;
      }
      if (!changed.has(followedTab)) return;
      const stored = changed.get(followedTab);
      generation += 1;
      if (!disposed) setCurrent(currentFrom(stored));
    };

    void refresh();
    const unwatch = watchTickets(onTicketsChanged);
    chrome.tabs.onActivated.addListener(onTabActivated);
    return () => {
      disposed = true;
      unwatch();
      chrome.tabs.onActivated.removeListener(onTabActivated);
    };
  }, []);

  return current;
}
