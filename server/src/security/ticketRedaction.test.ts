import type { TicketContext } from '@tandem/shared';
import { describe, expect, it } from 'vitest';
import { normaliseAndRedactTicket, vaultForTicket } from './ticketRedaction.js';
import { normaliseTicket } from './untrustedTicket.js';

const ticket = (over: Partial<TicketContext> = {}): TicketContext => ({
  site: 'api',
  ticketId: 'T-1',
  subject: 'Refund for Megan',
  requester: { name: 'Megan Foley', email: 'megan@example.com' },
  messages: [
    { authorRole: 'customer', body: 'Card ４５２６ ０１８１ ５９０８ ３０１２ was charged twice.\n\nThanks,\nMegan', partial: false },
    { authorRole: 'agent', authorName: 'Jordan Miles', body: 'Hi Megan,\n\nrefunded.\n\nBest,\nJordan', partial: false },
    { authorRole: 'customer', body: 'My colleague Priya Raman will follow up. Jordan was great.', partial: false },
  ],
  tags: [],
  status: 'open',
  ...over,
});

describe('vaultForTicket', () => {
  it('knows the requester, the authors and every name the messages introduce before anything is redacted', () => {
    const { vault, customerName } = vaultForTicket(normaliseTicket(ticket()));
    expect(customerName).toBe('[NAME_1]');
    expect(vault.restore('[NAME_2]')).toBe('Jordan Miles');
    // "Priya Raman" is only introduced in the last message, yet hidden in a text redacted now.
    expect(vault.redact('Jordan and Priya Raman spoke; Megan agreed.')).toBe('[NAME_3] and [NAME_4] spoke; [NAME_5] agreed.');
  });

  it('learns only from the messages that can reach a model', () => {
    const old = { authorRole: 'customer' as const, body: 'Best,\nQuintessa Marlowe', partial: false };
    const { vault } = vaultForTicket(normaliseTicket(ticket({ messages: [old, ...ticket().messages] })), { messages: 3, chars: 5000 });
    expect(vault.redact('Quintessa Marlowe')).toBe('Quintessa Marlowe');
  });
});

describe('normaliseAndRedactTicket', () => {
  it('returns the redacted subject and messages with the time each step took', () => {
    const run = normaliseAndRedactTicket(ticket());
    expect(run.subject).toBe('Refund for [NAME_3]');
    expect(run.messages[0]).toBe('Card [CARD_1] was charged twice.\n\nThanks,\n[NAME_3]');
    expect(run.vault.restore('[CARD_1]')).toBe('4526 0181 5908 3012');
    for (const ms of Object.values(run.timings)) expect(ms).toBeGreaterThanOrEqual(0);
    expect(run.timings.totalMs).toBeGreaterThanOrEqual(run.timings.redactMs);
  });
});
