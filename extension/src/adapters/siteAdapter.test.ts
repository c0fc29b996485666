/**
 * ticketReadFrom, the last step every adapter shares now that validation happens in the
 * background: it fills the schema's defaults and enforces every limit once more, so what an
 * adapter returns always passes the shared schema the background checks it with.
 */
import { TICKET_LIMITS, ticketContextSchema } from '@tandem/shared';
import { describe, expect, it } from 'vitest';
import { ticketReadFrom } from './siteAdapter';

const candidate = {
  site: 'zendesk' as const,
  ticketId: ' 4821 ',
  subject: 'Parcel arrived damaged',
  requester: { name: 'Noor Haddad' },
  messages: [{ authorRole: 'customer' as const, body: 'The lamp is cracked.' }],
};

describe('ticketReadFrom', () => {
  it("fills the schema's defaults: whole messages, no tags, unknown status", () => {
    const read = ticketReadFrom(candidate);

    expect(read).toEqual({
      kind: 'ticket',
      ticket: {
        ...candidate,
        ticketId: '4821',
        messages: [{ authorRole: 'customer', partial: false, body: 'The lamp is cracked.' }],
        tags: [],
        status: 'unknown',
      },
    });
    expect(read.kind === 'ticket' && ticketContextSchema.parse(read.ticket)).toEqual(read.kind === 'ticket' && read.ticket);
  });

  it('keeps a partial message partial', () => {
    const read = ticketReadFrom({ ...candidate, messages: [{ authorRole: 'customer', partial: true, body: 'Also the charger…' }] });

    expect(read.kind === 'ticket' && read.ticket.messages[0]?.partial).toBe(true);
  });

  it('enforces every limit once more, so one slip cannot make the background refuse the ticket', () => {
    const oversized = {
      ...candidate,
      subject: 's'.repeat(TICKET_LIMITS.subjectChars + 10),
      messages: Array.from({ length: TICKET_LIMITS.messages + 5 }, (_, index) => ({
        authorRole: 'agent' as const,
        body: `${index} ${'b'.repeat(TICKET_LIMITS.bodyChars)}`,
      })),
      tags: Array.from({ length: TICKET_LIMITS.tags + 5 }, () => 't'.repeat(TICKET_LIMITS.tagChars + 1)),
    };

    const read = ticketReadFrom(oversized);

    if (read.kind !== 'ticket') throw new Error('expected a ticket');
    expect(ticketContextSchema.safeParse(read.ticket).success).toBe(true);
    expect(read.ticket.messages).toHaveLength(TICKET_LIMITS.messages);
    // The newest messages are kept.
    expect(read.ticket.messages.at(-1)?.body.startsWith(`${TICKET_LIMITS.messages + 4} `)).toBe(true);
  });

  it('reads a candidate without an id as no ticket', () => {
    expect(ticketReadFrom({ ...candidate, ticketId: '   ' })).toMatchObject({ kind: 'no-ticket', reason: 'unreadable-layout' });
  });
});
