import { describe, expect, it } from 'vitest';
import { TICKET_LIMITS, ticketContextSchema, ticketReadResultSchema } from './ticket.js';

const ticket = {
  site: 'zendesk',
  ticketId: '4821',
  subject: 'Card declined twice',
  requester: { name: 'Ada Lovelace', email: 'ada@example.com' },
  messages: [{ authorRole: 'customer', authorName: 'Ada', sentAt: '2026-11-20T10:00:00Z', body: 'My card was declined.' }],
  url: 'https://acme.zendesk.com/agent/tickets/4821',
};

describe('TicketContext', () => {
  it('accepts a ticket and fills defaults', () => {
    const parsed = ticketContextSchema.parse(ticket);
    expect(parsed.tags).toEqual([]);
    expect(parsed.status).toBe('unknown');
  });

  it('rejects what an adapter must never send', () => {
    expect(ticketContextSchema.safeParse({ ...ticket, site: 'myspace' }).success).toBe(false);
    expect(ticketContextSchema.safeParse({ ...ticket, ticketId: '' }).success).toBe(false);
    expect(ticketContextSchema.safeParse({ ...ticket, requester: { email: 'not-an-email' } }).success).toBe(false);
    expect(ticketContextSchema.safeParse({ ...ticket, url: 'not a url' }).success).toBe(false);
    expect(ticketContextSchema.safeParse({ ...ticket, url: 'javascript:alert(1)' }).success).toBe(false);
  });

  it('bounds hostile sizes', () => {
    const many = Array.from({ length: TICKET_LIMITS.messages + 1 }, () => ticket.messages[0]);
    expect(ticketContextSchema.safeParse({ ...ticket, messages: many }).success).toBe(false);
    const huge = [{ authorRole: 'customer', body: 'x'.repeat(TICKET_LIMITS.bodyChars + 1) }];
    expect(ticketContextSchema.safeParse({ ...ticket, messages: huge }).success).toBe(false);
  });

  it('reads as a ticket or a typed no-ticket reason', () => {
    expect(ticketReadResultSchema.parse({ kind: 'no-ticket', reason: 'unreadable-layout', detail: 'subject missing' }).kind).toBe(
      'no-ticket',
    );
    expect(ticketReadResultSchema.safeParse({ kind: 'no-ticket', reason: 'gremlins', detail: '' }).success).toBe(false);
  });
});
