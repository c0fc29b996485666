/**
 * The ticket open in the tab the panel follows, kept current as the agent switches tabs and as
 * the background records tickets.
 */
import { useEffect, useState } from 'react';
import { readLatestTicket, readTabTicket, watchTickets } from '../tickets/ticketStorage';
import type { StoredTicket } from '../tickets/currentTicket';
import { ticketSourceFor, type TicketSource } from './ticketSource';

export type CurrentTicket = { kind: 'loading' } | { kind: 'none' } | { kind: 'ticket'; stored: StoredTicket };

async function readFrom(source: TicketSource): Promise<StoredTicket | undefined> {
  switch (source.kind) {
    case 'pinned-tab':
      return readTabTicket(source.tabId);
    case 'latest':
      return readLatestTicket();
    case 'active-tab': {
      const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
      return tab?.id === undefined ? undefined : readTabTicket(tab.id);
    }
  }
}

export function useCurrentTicket(): CurrentTicket {
  const [current, setCurrent] = useState<CurrentTicket>({ kind: 'loading' });

  useEffect(() => {
    let disposed = false;
    let generation = 0;
    let source: TicketSource | undefined;

    const refresh = async () => {
      const mine = ++generation;
      source ??= ticketSourceFor(location.search, (await chrome.tabs.getCurrent()) !== undefined);
      const stored = await readFrom(source);
      // Only the newest read may win: a slow read must not overwrite a later tab switch.
      if (!disposed && mine === generation) setCurrent(stored === undefined ? { kind: 'none' } : { kind: 'ticket', stored });
    };
    const onTabActivated = () => void refresh();

    void refresh();
    const unwatch = watchTickets(() => void refresh());
    chrome.tabs.onActivated.addListener(onTabActivated);
    return () => {
      disposed = true;
      unwatch();
      chrome.tabs.onActivated.removeListener(onTabActivated);
    };
  }, []);

  return current;
}
