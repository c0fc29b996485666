/**
 * Reads and writes each tab's current ticket. Session storage is preferred: it lives in memory,
 * survives service-worker restarts and is gone when the browser closes, which is what a list of
 * open tabs needs. Older browsers without it fall back to local storage.
 */
import type { TicketContext } from '@tandem/shared';
import {
  currentTicketKey,
  latestStoredTicket,
  parseStoredTab,
  storedTicketWithId,
  tabIdOfKey,
  type StoredTab,
  type StoredTicket,
  type StoredUnreadable,
} from './currentTicket';

function ticketArea(): chrome.storage.StorageArea {
  return (chrome.storage.session as chrome.storage.StorageArea | undefined) ?? chrome.storage.local;
}

function ticketAreaName(): string {
  return ticketArea() === chrome.storage.local ? 'local' : 'session';
}

export async function saveTabTicket(tabId: number, ticket: TicketContext): Promise<void> {
  const stored: StoredTicket = { tabId, ticket, receivedAt: Date.now() };
  await ticketArea().set({ [currentTicketKey(tabId)]: stored });
}

export async function saveTabUnreadable(tabId: number, detail: string): Promise<void> {
  const stored: StoredUnreadable = { tabId, unreadable: { detail }, receivedAt: Date.now() };
  await ticketArea().set({ [currentTicketKey(tabId)]: stored });
}

export async function clearTabTicket(tabId: number): Promise<void> {
  await ticketArea().remove(currentTicketKey(tabId));
}

export async function readTabTicket(tabId: number): Promise<StoredTab | undefined> {
  const key = currentTicketKey(tabId);
  const snapshot = await ticketArea().get(key);
  return parseStoredTab(snapshot[key]);
}

/** The tab whose page shows `ticketId` now (the latest such), if any. */
export async function readTicketWithId(ticketId: string): Promise<StoredTicket | undefined> {
  return storedTicketWithId(await ticketArea().get(null), ticketId);
}

export async function readLatestTicket(): Promise<StoredTicket | undefined> {
  return latestStoredTicket(await ticketArea().get(null));
}

/**
 * Calls `onChange` whenever any tab's ticket changes, with the new values by tab id (undefined
 * when cleared) so a listener following one tab needs no second read; returns the unsubscribe.
 */
export function watchTickets(onChange: (changed: ReadonlyMap<number, StoredTab | undefined>) => void): () => void {
  const areaName = ticketAreaName();
  const listener = (changes: Record<string, chrome.storage.StorageChange>, changedArea: string) => {
    if (changedArea !== areaName) return;
    const changed = new Map<number, StoredTab | undefined>();
    for (const [key, change] of Object.entries(changes)) {
      const tabId = tabIdOfKey(key);
      if (tabId !== undefined) changed.set(tabId, parseStoredTab(change.newValue));
    }
    if (changed.size > 0) onChange(changed);
  };
  chrome.storage.onChanged.addListener(listener);
  return () => chrome.storage.onChanged.removeListener(listener);
}
