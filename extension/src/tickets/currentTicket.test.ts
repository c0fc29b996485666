/**
 * Per-tab ticket keys, and re-validation of what storage hands back.
 */
import type { TicketContext } from '@tandem/shared';
import { describe, expect, it } from 'vitest';
import { currentTicketKey, latestStoredTicket, parseStoredTicket } from './currentTicket';

const ticket = (ticketId: string): TicketContext => ({
  site: 'fixture',
  ticketId,
  subject: 's',
  requester: {},
  messages: [],
  tags: [],
  status: 'open',
});

describe('stored tickets', () => {
  it('keys each tab separately', () => {
    expect(currentTicketKey(7)).toBe('currentTicket:7');
  });

  it('treats malformed stored values as no ticket', () => {
    expect(parseStoredTicket(undefined)).toBeUndefined();
    expect(parseStoredTicket({ tabId: 7, ticket: { ticketId: 'T-1' }, receivedAt: 1 })).toBeUndefined();
  });

  it('finds the most recently received ticket across tabs, ignoring other keys', () => {
    const snapshot = {
      [currentTicketKey(1)]: { tabId: 1, ticket: ticket('T-1'), receivedAt: 100 },
      [currentTicketKey(2)]: { tabId: 2, ticket: ticket('T-2'), receivedAt: 300 },
      [currentTicketKey(3)]: { tabId: 3, ticket: 'garbage', receivedAt: 900 },
      unrelated: { tabId: 4, ticket: ticket('T-4'), receivedAt: 1000 },
    };

    expect(latestStoredTicket(snapshot)?.ticket.ticketId).toBe('T-2');
    expect(latestStoredTicket({})).toBeUndefined();
  });
});
