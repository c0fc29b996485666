/**
 * The background accepts ticket messages only from its own content scripts in a tab's top frame,
 * and only when they validate.
 */
import type { TicketContext } from '@tandem/shared';
import { describe, expect, it } from 'vitest';
import { relayContentMessage, type MessageOrigin, type TabTicketStore } from './ticketRelay';

const OWN_ID = 'abcdefghijklmnopabcdefghijklmnop';
const FROM_TAB_7: MessageOrigin = { extensionId: OWN_ID, tabId: 7, frameId: 0 };
const TICKET: TicketContext = {
  site: 'fixture',
  ticketId: 'T-1001',
  subject: 'Refund',
  requester: {},
  messages: [],
  tags: [],
  status: 'open',
};

function memoryStore() {
  const tickets = new Map<number, TicketContext | { unreadable: string }>();
  const store: TabTicketStore = {
    save: async (tabId, ticket) => void tickets.set(tabId, ticket),
    clear: async (tabId) => void tickets.delete(tabId),
    saveUnreadable: async (tabId, detail) => void tickets.set(tabId, { unreadable: detail }),
  };
  return { tickets, store };
}

describe('relayContentMessage', () => {
  it('stores an opened ticket for the sending tab and clears it when closed', async () => {
    const { tickets, store } = memoryStore();

    expect(await relayContentMessage({ type: 'ticket.opened', ticket: TICKET }, FROM_TAB_7, OWN_ID, store)).toEqual({ ok: true });
    expect(tickets.get(7)).toEqual(TICKET);

    expect(await relayContentMessage({ type: 'ticket.closed' }, FROM_TAB_7, OWN_ID, store)).toEqual({ ok: true });
    expect(tickets.has(7)).toBe(false);
  });

  it('records that the ticket page of the tab did not read, replacing its old ticket', async () => {
    const { tickets, store } = memoryStore();
    await relayContentMessage({ type: 'ticket.opened', ticket: TICKET }, FROM_TAB_7, OWN_ID, store);

    expect(await relayContentMessage({ type: 'ticket.unreadable', detail: 'No subject' }, FROM_TAB_7, OWN_ID, store)).toEqual({ ok: true });
    expect(tickets.get(7)).toEqual({ unreadable: 'No subject' });
    expect((await relayContentMessage({ type: 'ticket.unreadable', detail: 'x'.repeat(501) }, FROM_TAB_7, OWN_ID, store)).ok).toBe(false);
  });

  it('applies the shared schema defaults to what it stores', async () => {
    const { tickets, store } = memoryStore();
    const { tags: _tags, status: _status, ...withoutDefaults } = TICKET;

    await relayContentMessage({ type: 'ticket.updated', ticket: withoutDefaults }, FROM_TAB_7, OWN_ID, store);

    expect(tickets.get(7)).toMatchObject({ tags: [], status: 'unknown' });
  });

  it.each([
    ['a ticket without an id', { type: 'ticket.opened', ticket: { ...TICKET, ticketId: '' } }],
    ['a javascript: page URL', { type: 'ticket.updated', ticket: { ...TICKET, url: 'javascript:alert(1)' } }],
    ['an unknown role', { type: 'ticket.opened', ticket: { ...TICKET, messages: [{ authorRole: 'system', body: 'Hi' }] } }],
    [
      'an oversized body',
      { type: 'ticket.opened', ticket: { ...TICKET, messages: [{ authorRole: 'customer', body: 'x'.repeat(20_001) }] } },
    ],
  ])('validates what content scripts no longer can: %s marks the tab unreadable, never stored', async (_label, raw) => {
    const { tickets, store } = memoryStore();
    await relayContentMessage({ type: 'ticket.opened', ticket: TICKET }, FROM_TAB_7, OWN_ID, store);

    const reply = await relayContentMessage(raw, FROM_TAB_7, OWN_ID, store);

    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/^The ticket did not validate/) });
    expect(tickets.get(7)).toEqual({ unreadable: expect.stringMatching(/^The ticket did not validate/) });
  });

  it('fills a message without partial as a whole message', async () => {
    const { tickets, store } = memoryStore();
    const ticket = { ...TICKET, messages: [{ authorRole: 'unknown', body: 'Merged' }] };

    await relayContentMessage({ type: 'ticket.opened', ticket }, FROM_TAB_7, OWN_ID, store);

    expect(tickets.get(7)).toMatchObject({ messages: [{ authorRole: 'unknown', partial: false, body: 'Merged' }] });
  });

  it.each([
    ['an unknown type', { type: 'ticket.deleted' }],
    ['a ticket message without a ticket', { type: 'ticket.opened' }],
    ['not an object', 'ticket.opened'],
  ])('rejects %s', async (_label, raw) => {
    const { tickets, store } = memoryStore();

    expect(await relayContentMessage(raw, FROM_TAB_7, OWN_ID, store)).toEqual({ ok: false, error: 'Invalid message' });
    expect(tickets.size).toBe(0);
  });

  it.each<[string, MessageOrigin]>([
    ['another extension', { ...FROM_TAB_7, extensionId: 'someoneelse' }],
    ['an extension page, not a tab', { ...FROM_TAB_7, tabId: undefined }],
    ['an embedded frame', { ...FROM_TAB_7, frameId: 3 }],
  ])('rejects a message from %s', async (_label, origin) => {
    const { tickets, store } = memoryStore();

    expect((await relayContentMessage({ type: 'ticket.opened', ticket: TICKET }, origin, OWN_ID, store)).ok).toBe(false);
    expect(tickets.size).toBe(0);
  });
});
