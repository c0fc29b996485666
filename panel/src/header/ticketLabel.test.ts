/** The header's ticket number and status: the helpdesk's own words, never a URL or "unknown". */
import { describe, expect, it } from 'vitest';
import { siteName, ticketNumber, ticketStatus } from './ticketLabel';

describe('ticketNumber', () => {
  it('names Zendesk tickets and Salesforce cases as their helpdesk does', () => {
    expect(ticketNumber({ site: 'zendesk', ticketId: '4821' })).toBe('#4821');
    expect(ticketNumber({ site: 'salesforce', ticketId: '00001026' })).toBe('Case 00001026');
    expect(ticketNumber({ site: 'generic', ticketId: 'T-1001' })).toBe('T-1001');
  });

  it('shows no number for a Gmail thread id, a URL or a tab anchor', () => {
    expect(ticketNumber({ site: 'gmail', ticketId: 'thread-f:1804455667788990011' })).toBeUndefined();
    expect(ticketNumber({ site: 'generic', ticketId: 'desk.example.com/tickets/view#tab-2' })).toBeUndefined();
    expect(ticketNumber({ site: 'zendesk', ticketId: 'http://127.0.0.1:4000/zendesk/page.html#tab-2' })).toBeUndefined();
  });
});

describe('ticketStatus and siteName', () => {
  it('hides an unknown status and keeps a stated one', () => {
    expect(ticketStatus({ status: 'unknown' })).toBeUndefined();
    expect(ticketStatus({ status: 'pending' })).toBe('pending');
  });

  it('names each site', () => {
    expect(siteName('salesforce')).toBe('Salesforce');
  });
});
