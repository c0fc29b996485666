import type { TicketContext } from '@tandem/shared';
import { describe, expect, it } from 'vitest';
import { normaliseTicket } from './untrustedTicket.js';

describe('normaliseTicket', () => {
  it('normalises every free-text field and keeps the rest, unknown fields included', () => {
    const ticket = {
      site: 'api',
      ticketId: 'T\u200b-1',
      subject: 'Ｒｅｆｕｎｄ\u202e',
      requester: { name: 'Ana\u00ad Pérez', email: 'ana@example.com' },
      messages: [{ authorRole: 'customer', authorName: 'A\u200bna', body: 'card 4111\u200b1111\r\nthanks\u0000', partial: false }],
      tags: ['vip\u200b'],
      status: 'open',
      futureField: 'kept',
    } as TicketContext & { futureField: string };
    const out = normaliseTicket(ticket);
    expect(out).toEqual({
      ...ticket,
      subject: 'Refund',
      requester: { name: 'Ana Pérez', email: 'ana@example.com' },
      messages: [{ authorRole: 'customer', authorName: 'Ana', body: 'card 41111111\nthanks', partial: false }],
      tags: ['vip'],
    });
    // Ids are identifiers, not text: left as the site gave them.
    expect(out.ticketId).toBe('T\u200b-1');
  });
});
