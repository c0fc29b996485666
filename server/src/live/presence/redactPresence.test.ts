// What leaves the agent in follow mode: the ticket and draft with personal details as
// placeholders, e-mail fields and the page URL dropped, and a vault that restores them for the
// agent's own page.
import { ticketContextSchema } from '@tandem/shared';
import { describe, expect, it } from 'vitest';
import { redactPresence } from './redactPresence.js';

const ticket = ticketContextSchema.parse({
  site: 'gmail',
  ticketId: 'thread-77',
  subject: 'Refund for Jonas Berg',
  url: 'https://mail.example.com/#inbox/thread-77?email=jonas.berg@example.org',
  requester: { name: 'Jonas Berg', email: 'jonas.berg@example.org' },
  messages: [
    {
      authorRole: 'customer',
      authorName: 'Jonas Berg',
      authorEmail: 'jonas.berg@example.org',
      body: 'Hello, card 4111 1111 1111 1111 was charged twice. Reach me at +49 30 901820 or jonas.berg@example.org. Best, Jonas',
    },
    { authorRole: 'agent', authorName: 'Priya Natarajan', body: 'Hi Jonas, I am looking into it. Priya' },
  ],
  tags: ['vip', 'jonas.berg@example.org'],
});

describe('redactPresence', () => {
  it('replaces names, e-mails, phones and cards everywhere, drops e-mail fields and the URL', () => {
    const { ticket: redacted, draft } = redactPresence(ticket, {
      status: 'done',
      text: 'Hi Jonas, your refund to 4111 1111 1111 1111 is on its way.',
    });
    const text = JSON.stringify({ redacted, draft });
    for (const secret of ['Jonas', 'Berg', 'jonas.berg@example.org', '901820', '4111', 'Priya', 'Natarajan'])
      expect(text).not.toContain(secret);
    expect(redacted?.requester).toEqual({ name: expect.stringMatching(/^\[NAME_\d+\]$/) });
    expect(redacted?.messages.every((m) => m.authorEmail === undefined)).toBe(true);
    expect(redacted?.url).toBeUndefined();
    expect(redacted?.ticketId).toBe('thread-77');
    expect(redacted?.tags[0]).toBe('vip');
    // Still a valid ticket for the desktop's own draft.
    expect(ticketContextSchema.safeParse(redacted).success).toBe(true);
  });

  it('restores a reply written over the placeholders with the real values, for the agent’s own page', () => {
    const { ticket: redacted, vault } = redactPresence(ticket, null);
    const name = redacted?.requester.name ?? '';
    expect(vault.restore(`Dear ${name}, we refunded you.`)).toBe('Dear Jonas Berg, we refunded you.');
  });

  it('redacts a draft without a ticket too', () => {
    const { ticket: none, draft } = redactPresence(null, { status: 'streaming', text: 'Write to help@example.com' });
    expect(none).toBeNull();
    expect(draft?.text).not.toContain('help@example.com');
  });
});
