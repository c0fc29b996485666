/**
 * Roles from identity first: a message's author matched against the ticket's customer and agents,
 * layout cues only confirming or breaking ties, and 'unknown' whenever signals disagree or are
 * missing. Each case below is one a wrong answer would turn into a wrong draft.
 */
import { describe, expect, it } from 'vitest';
import { authorRole, decideAuthorRole, type RoleContext } from './authorRoles';

const anna = { name: 'Anna Berg', email: 'anna.berg@example.com', profileId: 'user-71' };
const lea = { name: 'Lea Santos', email: 'lea@shop.example', profileId: 'user-5' };
const ticket: RoleContext = { customers: [anna], agents: [lea] };

describe('decideAuthorRole by identity', () => {
  it('reads the customer and the agent from any one matching signal', () => {
    expect(decideAuthorRole({ email: 'ANNA.BERG@example.com' }, ticket)).toEqual({ role: 'customer', basis: 'customer-identity' });
    expect(authorRole({ profileId: 'user-71' }, ticket)).toBe('customer');
    expect(authorRole({ name: 'Berg, Anna' }, ticket)).toBe('customer');
    expect(decideAuthorRole({ name: 'Lea Santos' }, ticket)).toEqual({ role: 'agent', basis: 'agent-identity' });
    expect(authorRole({ email: 'lea@shop.example', name: 'Lea Santos' }, ticket)).toBe('agent');
  });

  it('matches any of several identities of one party (an alias, a second agent)', () => {
    const context: RoleContext = { customers: [anna, { email: 'anna@home.example' }], agents: [lea, { name: 'Marco Rossi' }] };
    expect(authorRole({ email: 'anna@home.example' }, context)).toBe('customer');
    expect(authorRole({ name: 'Marco Rossi' }, context)).toBe('agent');
  });

  it('reads the customer writing under her name from a second address the page records as hers', () => {
    const context: RoleContext = { customers: [anna, { name: 'Anna Berg', email: 'anna@home.example' }], agents: [lea] };
    expect(decideAuthorRole({ name: 'Anna Berg', email: 'anna@home.example' }, context)).toEqual({
      role: 'customer',
      basis: 'customer-identity',
    });
    // Her main address still reads as hers with the second one on record.
    expect(authorRole({ name: 'Anna Berg', email: 'anna.berg@example.com' }, context)).toBe('customer');
  });

  it('is unknown when the author shows nothing to match', () => {
    expect(decideAuthorRole({}, ticket)).toEqual({ role: 'unknown', basis: 'no-identity' });
    expect(authorRole({ name: 'Anna Berg' }, { customers: [], agents: [] })).toBe('unknown');
  });

  it('is unknown when only part of a name matches', () => {
    expect(authorRole({ name: 'Anna' }, ticket)).toBe('unknown');
    expect(authorRole({ name: 'Anna Maria Berg' }, ticket)).toBe('unknown');
  });

  it('is unknown for a third person, unless the site says who everyone else is', () => {
    const colleague = { name: 'Tomasz Wielgus', email: 'tomasz@example.org' };
    expect(decideAuthorRole(colleague, ticket)).toEqual({ role: 'unknown', basis: 'third-party' });
    expect(decideAuthorRole(colleague, { ...ticket, others: 'customer' })).toEqual({ role: 'customer', basis: 'others-policy' });
    expect(decideAuthorRole(colleague, { ...ticket, others: 'agent' })).toEqual({ role: 'agent', basis: 'others-policy' });
  });

  it('applies the others policy only to authors ruled out of the other side', () => {
    // Nothing about this author can be compared with the agents, so "not the agent" is not established.
    const agentsByName: RoleContext = { customers: [anna], agents: [{ name: 'Lea Santos' }], others: 'customer' };
    expect(authorRole({ email: 'tomasz@example.org' }, agentsByName)).toBe('unknown');
    expect(authorRole({ email: 'tomasz@example.org', name: 'Tomasz Wielgus' }, agentsByName)).toBe('customer');
    expect(authorRole({}, { ...ticket, others: 'agent' })).toBe('unknown');
  });
});

describe('decideAuthorRole when signals disagree', () => {
  it('is unknown when the name is the customer but the address is someone else', () => {
    expect(decideAuthorRole({ name: 'Anna Berg', email: 'lea@shop.example' }, ticket)).toEqual({ role: 'unknown', basis: 'conflict' });
  });

  it('is unknown when a second address is used under her name but the page does not record it as hers', () => {
    const withAlias: RoleContext = { customers: [anna, { name: 'Anna Berg', email: 'anna@home.example' }], agents: [lea] };
    expect(decideAuthorRole({ name: 'Anna Berg', email: 'anna@elsewhere.example' }, withAlias)).toEqual({
      role: 'unknown',
      basis: 'conflict',
    });
    // The recorded address with another person's profile is no alias: the profile contradicts.
    expect(authorRole({ name: 'Anna Berg', email: 'anna@home.example', profileId: 'user-99' }, withAlias)).toBe('unknown');
  });

  it('is unknown when the address is the customer but the name is another person', () => {
    expect(authorRole({ name: 'Lea Santos', email: 'anna.berg@example.com' }, ticket)).toBe('unknown');
  });

  it('is unknown when the profile link and the address point at different people', () => {
    expect(authorRole({ profileId: 'user-71', email: 'lea@shop.example' }, ticket)).toBe('unknown');
  });

  it('is unknown when the author matches both parties (the requester is an agent)', () => {
    expect(authorRole({ email: 'lea@shop.example' }, { customers: [lea], agents: [lea] })).toBe('unknown');
  });

  it('is unknown when the layout contradicts identity', () => {
    expect(decideAuthorRole({ email: 'anna.berg@example.com' }, ticket, { side: 'agent' })).toEqual({ role: 'unknown', basis: 'conflict' });
    expect(authorRole({ email: 'lea@shop.example' }, ticket, { side: 'customer' })).toBe('unknown');
    expect(authorRole({ email: 'tomasz@example.org' }, { customers: [anna], agents: [] }, { side: 'customer' })).toBe('unknown');
  });

  it('never reads a note from the customer as internal', () => {
    expect(authorRole({ email: 'anna.berg@example.com' }, ticket, { internalNote: true })).toBe('unknown');
  });
});

describe('decideAuthorRole with layout cues', () => {
  it('confirms what identity decided', () => {
    expect(authorRole({ email: 'anna.berg@example.com' }, ticket, { side: 'customer' })).toBe('customer');
    expect(authorRole({ email: 'lea@shop.example' }, ticket, { side: 'agent' })).toBe('agent');
  });

  it('reads internal only from a positive note marker', () => {
    expect(decideAuthorRole({ email: 'lea@shop.example' }, ticket, { internalNote: true })).toEqual({
      role: 'internal',
      basis: 'note-marker',
    });
    expect(authorRole({ name: 'Marco Rossi' }, ticket, { internalNote: true })).toBe('internal');
    expect(authorRole({}, ticket, { internalNote: true })).toBe('internal');
    expect(authorRole({ email: 'lea@shop.example' }, ticket, { internalNote: false })).toBe('agent');
  });

  it('breaks a tie identity left open, never decides alone', () => {
    const otherAgent = { name: 'Marco Rossi', email: 'marco@shop.example' };
    expect(decideAuthorRole(otherAgent, ticket, { side: 'agent' })).toEqual({ role: 'agent', basis: 'not-customer-and-layout' });
    const customersColleague = { name: 'Tomasz Wielgus', email: 'tomasz@example.org' };
    expect(decideAuthorRole(customersColleague, { customers: [], agents: [lea] }, { side: 'customer' })).toEqual({
      role: 'customer',
      basis: 'not-agent-and-layout',
    });
    expect(decideAuthorRole({}, ticket, { side: 'agent' })).toEqual({ role: 'unknown', basis: 'no-identity' });
    expect(authorRole({ name: 'Marco Rossi' }, { customers: [], agents: [] }, { side: 'customer' })).toBe('unknown');
  });
});
