/**
 * Who wrote what on a Salesforce case, without a page: the parties (contact, web-form alias, case
 * owner) against each message's author, and the description opening the conversation once.
 */
import { describe, expect, it } from 'vitest';
import { conversationMessages, type ConversationEntry } from './salesforceConversation';
import { decideRole, type CaseParties } from './salesforceParties';

const parties: CaseParties = {
  requester: { name: 'Ines Okafor', email: 'ines.okafor@example.net' },
  contactId: '003000000000404AAA',
  owner: { name: 'Pavel Novak', recordId: '005000000000101AAA' },
};

function entry(fields: Partial<ConversationEntry> & Pick<ConversationEntry, 'author' | 'body'>): ConversationEntry {
  return { partial: false, cues: {}, email: true, ...fields };
}

describe('decideRole', () => {
  it('reads the contact by address or contact link, and the owner by user link', () => {
    expect(decideRole({ email: 'ines.okafor@example.net' }, parties, {}).role).toBe('customer');
    expect(decideRole({ name: 'Ines Okafor', recordId: '003000000000404AAA' }, parties, {}).role).toBe('customer');
    expect(decideRole({ name: 'Pavel Novak', recordId: '005000000000101AAA' }, parties, {}).role).toBe('agent');
  });

  it('compares a portal user with the contact by name, never a user id with a contact id', () => {
    expect(decideRole({ name: 'Ines Okafor', recordId: '005000000000909AAA' }, parties, {}).role).toBe('customer');
  });

  it('refuses to place a contact link that is not the case contact, or an owner link that is not the owner', () => {
    expect(decideRole({ name: 'Ines Okafor', recordId: '003000000000999AAA' }, parties, {}).role).toBe('unknown');
    expect(decideRole({ name: 'Pavel Novak', recordId: '005000000000555AAA' }, parties, {}).role).toBe('unknown');
  });

  it("reads the web form's address as the customer's when the case records it beside the contact", () => {
    const withAlias: CaseParties = { ...parties, alias: { name: 'Ines Okafor', email: 'ines@home.example' } };

    expect(decideRole({ name: 'Ines Okafor', email: 'ines@home.example' }, withAlias, {}).role).toBe('customer');
    expect(decideRole({ name: 'Ines Okafor', email: 'ines@home.example' }, parties, {}).role).toBe('unknown');
  });

  it('reads an outbound e-mail from an unknown sender as the agent, an inbound one as unknown, and a note as internal', () => {
    expect(decideRole({ email: 'support@northwind.example' }, parties, { side: 'agent' }).role).toBe('agent');
    expect(decideRole({ email: 'colleague@example.net', name: 'Jo Lee' }, parties, {}).role).toBe('unknown');
    expect(decideRole({ name: 'Priya Raman', recordId: '005000000000213AAA' }, parties, { internalNote: true }).role).toBe('internal');
  });
});

describe('conversationMessages', () => {
  it('opens with the description, written by the requester', () => {
    const messages = conversationMessages('The scanner forgets its pairing.', [], parties);

    expect(messages).toEqual([
      {
        authorRole: 'customer',
        authorName: 'Ines Okafor',
        authorEmail: 'ines.okafor@example.net',
        body: 'The scanner forgets its pairing.',
      },
    ]);
  });

  it('reads the description once when the first e-mail is the customer saying the same, in full or as a preview', () => {
    const full = entry({ author: { email: 'ines.okafor@example.net' }, body: 'The scanner  forgets its pairing.' });
    const preview = entry({ author: { email: 'ines.okafor@example.net' }, body: 'The scanner forgets', partial: true });

    expect(conversationMessages('The scanner forgets its pairing.', [full], parties)).toHaveLength(1);
    expect(conversationMessages('The scanner forgets its pairing.', [preview], parties)).toHaveLength(1);
  });

  it("keeps both when the first e-mail is someone else's, only begins the description without being a preview, or is a post", () => {
    const agents = entry({ author: { name: 'Pavel Novak', recordId: '005000000000101AAA' }, body: 'The scanner forgets' });
    const beginning = entry({ author: { email: 'ines.okafor@example.net' }, body: 'The scanner forgets' });
    const post = entry({
      author: { name: 'Ines Okafor', recordId: '005000000000909AAA' },
      body: 'The scanner forgets its pairing.',
      email: false,
    });

    for (const first of [agents, beginning, post])
      expect(conversationMessages('The scanner forgets its pairing.', [first], parties)).toHaveLength(2);
  });

  it("names the customer on an e-mail that shows only the contact's address", () => {
    const [message] = conversationMessages(
      undefined,
      [entry({ author: { email: 'Ines.Okafor@example.net' }, body: 'Log attached.' })],
      parties,
    );

    expect(message).toMatchObject({ authorRole: 'customer', authorName: 'Ines Okafor', authorEmail: 'Ines.Okafor@example.net' });
  });
});
