/**
 * Who is who in a Gmail thread: the owner read off the page title, "me" in Gmail's UI languages,
 * the mailbox inferred from the thread (and when it cannot be), the requester, the customer's
 * other addresses, and the roles that follow — a cc'd colleague is never taken for the customer.
 */
import { describe, expect, it } from 'vitest';
import {
  agentAddresses,
  customerIdentities,
  findRequester,
  inferMailbox,
  isMeWord,
  ownerFromTitle,
  roleContext,
  roleOf,
  type ThreadParticipants,
} from './gmailIdentity';

const isEmail = (text: string): boolean => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text);

const ana = { name: 'Ana Okafor', email: 'ana.okafor@example.net' };
const anaWork = { name: 'Ana Okafor', email: 'a.okafor@okafor-design.example' };
const team = { name: 'Lumen Warranty', email: 'warranty@lumenbikes.test' };
const colleague = { name: 'Mira Okafor', email: 'mira@okafor-design.example' };

function message(sender: ThreadParticipants['sender'], recipients?: ThreadParticipants['sender'][]): ThreadParticipants {
  return recipients === undefined ? { sender } : { sender, recipients };
}

describe('isMeWord', () => {
  it('knows "me" in the UI languages Gmail shows on a recipient chip, and nothing else', () => {
    for (const word of ['me', 'Me', 'mich', 'mí', '自分', 'אני', '我', ' moi ']) expect(isMeWord(word), word).toBe(true);
    for (const word of ['Priya', 'Ben', 'Meg', 'Mir', 'meg ryan', 'support', '', undefined, null])
      expect(isMeWord(word), String(word)).toBe(false);
  });
});

describe('ownerFromTitle', () => {
  it('reads the address between the subject and the product name', () => {
    expect(ownerFromTitle('Rear light - priya@lumenbikes.test - Gmail', 'Rear light', isEmail)).toBe('priya@lumenbikes.test');
    expect(ownerFromTitle('Zelt undicht - Jonas.Weber@fernweh.test - Fernweh Mail', 'Zelt undicht', isEmail)).toBe(
      'jonas.weber@fernweh.test',
    );
    expect(ownerFromTitle('Frame creak - claim W-3381 - nadia@lumenbikes.test - Gmail', 'Frame creak - claim W-3381', isEmail)).toBe(
      'nadia@lumenbikes.test',
    );
    // Before the thread's subject replaced the view's name in the title.
    expect(ownerFromTitle('Inbox (3) - priya@lumenbikes.test - Gmail', 'Long thread', isEmail)).toBe('priya@lumenbikes.test');
  });

  it('names nobody for a popped-out window, even when the subject ends in an address', () => {
    expect(ownerFromTitle('Gmail - Helmet arrived in the wrong size', 'Helmet arrived in the wrong size', isEmail)).toBeUndefined();
    expect(
      ownerFromTitle('Gmail - Re: invoice - billing@shop.test - thanks', 'Re: invoice - billing@shop.test - thanks', isEmail),
    ).toBeUndefined();
    expect(ownerFromTitle('Gmail', 'Anything', isEmail)).toBeUndefined();
    expect(ownerFromTitle('Subject - not an address - Gmail', 'Subject', isEmail)).toBeUndefined();
  });
});

describe('inferMailbox', () => {
  it('is the one address every message was sent from or to', () => {
    const thread = [message(ana, [team]), message(team, [ana]), message(anaWork, [team]), message(team, [anaWork, ana])];
    expect(inferMailbox(thread)).toBe('warranty@lumenbikes.test');
  });

  it('settles nothing for two people writing to each other, a hidden recipient list or a one-sender thread', () => {
    expect(inferMailbox([message(ana, [team]), message(team, [ana])])).toBeUndefined();
    expect(inferMailbox([message(ana, [team]), message(anaWork)])).toBeUndefined();
    expect(inferMailbox([message(ana), message(ana)])).toBeUndefined();
    expect(inferMailbox([])).toBeUndefined();
  });
});

describe('agentAddresses', () => {
  it('keeps the addresses the page named when they are on the thread', () => {
    const thread = [message(ana, [team]), message(anaWork, [colleague])];
    expect([...agentAddresses(['Warranty@lumenbikes.test'], thread)]).toEqual(['warranty@lumenbikes.test']);
  });

  it('adds the inferred mailbox when the page named none, or none that is on the thread (a delegate viewing a team mailbox)', () => {
    const thread = [message(ana, [team]), message(team, [ana]), message(anaWork, [team])];
    expect([...agentAddresses([], thread)]).toEqual(['warranty@lumenbikes.test']);
    expect([...agentAddresses(['delegate@lumenbikes.test'], thread)]).toEqual(['delegate@lumenbikes.test', 'warranty@lumenbikes.test']);
  });
});

describe('findRequester', () => {
  const agents = new Set(['warranty@lumenbikes.test']);

  it('is the first sender when that is not the agent', () => {
    expect(findRequester([message(ana), message(team)], agents)).toEqual(ana);
  });

  it('is the one person the agent first wrote to', () => {
    expect(findRequester([message(team, [ana]), message(colleague, [team])], agents)).toEqual(ana);
    expect(findRequester([message(team, [ana, colleague])], agents)).toBeUndefined();
  });

  it('is the one outsider who writes when the first message does not show its recipients', () => {
    expect(findRequester([message(team), message(ana), message(team)], agents)).toEqual(ana);
    expect(findRequester([message(team), message(ana), message(colleague)], agents)).toBeUndefined();
  });

  it('is nobody while the agent is not known', () => {
    expect(findRequester([message(ana), message(team)], new Set())).toBeUndefined();
  });
});

describe('roles', () => {
  const agents = new Set(['warranty@lumenbikes.test']);
  const thread = [message(ana, [team]), message(team, [ana]), message(anaWork, [team, colleague]), message(colleague, [team])];

  it("takes a sender with the requester's full name at another address for the customer, never a namesake of one word", () => {
    expect(customerIdentities(ana, thread, agents)).toEqual([ana, anaWork]);
    const mononym = { name: 'Ana', email: 'ana@example.net' };
    expect(customerIdentities(mononym, [message(mononym), message({ name: 'Ana', email: 'ana@other.example' })], agents)).toEqual([
      mononym,
    ]);
  });

  it("gives the agent, the customer at both addresses, and a cc'd colleague (sharing a family name) as unknown", () => {
    const context = roleContext(customerIdentities(ana, thread, agents), agents);
    expect(thread.map(({ sender }) => roleOf(sender, context))).toEqual(['customer', 'agent', 'customer', 'unknown']);
  });

  it('leaves every role unknown when the agent is not known', () => {
    const context = roleContext([], new Set());
    expect([ana, team].map((sender) => roleOf(sender, context))).toEqual(['unknown', 'unknown']);
  });
});
