// Which actions are suggested for a ticket and in what order: one customer lookup first while
// nobody is identified, the customer's request before fallback lookups, and no lookup push once
// the customer is known.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ActionDefinition } from './actionDefinition.js';
import { DemoStoreClient } from '../connectors/demoStore.js';
import { demoStoreActions } from './definitions/demoStore.js';
import { EVERY_ROLE, defineAction } from './definitions/ticketClues.js';
import { actionContext, liveState } from '../../testing/actionContexts.js';
import { suggestActions, type ActionCatalog } from './suggestActions.js';

/** Nothing runs here: the client only has to exist. */
const demoStore = catalog(demoStoreActions(new DemoStoreClient({ baseUrl: 'http://127.0.0.1:9/demo-store/api' })));

function catalog(actions: ActionDefinition[]): ActionCatalog {
  return { list: () => actions, get: (name) => actions.find((a) => a.name === name) };
}

function suggested(actions: ActionCatalog, context: ReturnType<typeof actionContext>, limit = 3): string[] {
  const text = [context.ticket.subject, ...context.ticket.messages.map((m) => m.body)].join('\n');
  return suggestActions(actions, { context, text, limit }).map((s) => s.action);
}

describe('suggestActions', () => {
  it('puts one lookup first for an unknown customer, and the request before the other lookup', () => {
    const ctx = actionContext({
      subject: 'Return #W1234567',
      requester: { name: 'Mei Sato', email: 'mei@example.com' },
      customerSays: 'I would like to return the lamp from order #W1234567. My zip code is 97214.',
    });
    const ranked = suggested(demoStore, ctx, 12);
    // Both lookups are complete; the store lists the email lookup first.
    expect(ranked[0]).toBe('demoStore.findCustomerByEmail');
    expect(ranked.indexOf('demoStore.returnItems')).toBeLessThan(ranked.indexOf('demoStore.findCustomerByNameZip'));
    expect(ranked.slice(0, 3)).toContain('demoStore.returnItems');
  });

  it('leads with the name and zip lookup when the customer gave no email', () => {
    const ctx = actionContext({ site: 'api', subject: 'Cancel', customerSays: 'Please cancel order #W1234567, I ordered it by mistake' });
    const ranked = suggested(demoStore, ctx);
    expect(ranked[0]).toBe('demoStore.findCustomerByNameZip');
    expect(ranked).toContain('demoStore.cancelOrder');
  });

  it('prefers a lookup it can fill completely over one listed before it', () => {
    const lookup = (name: string, prefill: Record<string, unknown>) =>
      defineAction({
        name,
        title: name,
        description: 'Finds a customer.',
        risk: 'read',
        allowedRoles: EVERY_ROLE,
        argumentsSchema: z.object({ key: z.string() }),
        identifiesCustomer: true,
        prefill: () => prefill,
        execute: () => Promise.resolve({ summary: '', output: {} }),
      });
    const crm = catalog([lookup('crm.findByPhone', {}), lookup('crm.findByEmail', { key: 'mei@example.com' })]);
    expect(suggested(crm, actionContext({ subject: 'Help' }))).toEqual(['crm.findByEmail', 'crm.findByPhone']);
  });

  it('pushes only actions declared to identify the customer, not any lookup', () => {
    const read = (name: string, description: string, identifiesCustomer?: boolean) =>
      defineAction({
        name,
        title: name,
        description,
        risk: 'read',
        ...(identifiesCustomer === undefined ? {} : { identifiesCustomer }),
        allowedRoles: EVERY_ROLE,
        argumentsSchema: z.object({ key: z.string() }),
        prefill: () => ({ key: 'x' }),
        execute: () => Promise.resolve({ summary: '', output: {} }),
      });
    const actions = catalog([
      read('shop.lookupOrder', 'Finds an order by its number.'),
      read('crm.whoIs', 'Finds the customer record.', true),
      read('shop.refundStatus', 'Shows where a refund stands.'),
    ]);
    const ranked = suggestActions(actions, { context: actionContext({ subject: 'Refund' }), text: 'where is my refund', limit: 3 });
    expect(ranked.map((s) => s.action)).toEqual(['crm.whoIs', 'shop.refundStatus', 'shop.lookupOrder']);
  });

  it('suggests an order change the customer asks for without an order id, blank for the agent to fill in', () => {
    const ctx = actionContext({
      subject: 'Return',
      requester: { email: 'mei@example.com' },
      customerSays: 'I want to return the lamp I got',
    });
    const [first, ...rest] = suggestActions(demoStore, { context: ctx, text: 'I want to return the lamp I got', limit: 3 });
    expect(first?.action).toBe('demoStore.findCustomerByEmail');
    const change = rest.find((s) => s.action === 'demoStore.returnItems');
    expect(change?.arguments).toEqual({});
    expect(demoStore.get('demoStore.returnItems')?.argumentsSchema.safeParse(change?.arguments).success).toBe(false);
  });

  it('ranks what an identified customer asks for above reads that are merely complete', () => {
    const ctx = actionContext(
      { subject: 'Return', requester: { email: 'mei@example.com' }, customerSays: 'I would like to return the lamp from #W1234567' },
      liveState({ customer: { email: 'mei@example.com', externalId: 'cus_123456' } }),
    );
    const ranked = suggested(demoStore, ctx, 12);
    expect(ranked[0]).toBe('demoStore.returnItems');
    for (const read of ['demoStore.getCustomer', 'demoStore.getOrder', 'demoStore.findCustomerByEmail'])
      expect(ranked.indexOf(read), read).toBeGreaterThan(0);
  });

  it('does not count a write that applies to every ticket as asked for', () => {
    const write = (name: string, applies: (said: string) => boolean) =>
      defineAction({
        name,
        title: name,
        description: 'Does something.',
        risk: 'write',
        allowedRoles: EVERY_ROLE,
        argumentsSchema: z.object({}),
        prefill: (context) => (applies(context.ticket.messages.map((m) => m.body).join(' ')) ? {} : undefined),
        execute: () => Promise.resolve({ summary: '', output: {} }),
      });
    const actions = catalog([write('a.always', () => true), write('z.onRequest', (said) => said.includes('please'))]);
    const ctx = actionContext({ subject: 'Hi', customerSays: 'please do it' }, liveState({ customer: { externalId: 'cus_123456' } }));
    expect(suggested(actions, ctx)).toEqual(['z.onRequest', 'a.always']);
  });

  it('does not push lookups once the customer is identified', () => {
    const ctx = actionContext(
      {
        subject: 'Return #W1234567',
        requester: { email: 'mei@example.com' },
        customerSays: 'I would like to return the lamp from order #W1234567',
      },
      liveState({ customer: { email: 'mei@example.com', externalId: 'cus_123456' } }),
    );
    const ranked = suggested(demoStore, ctx);
    expect(ranked[0]).not.toBe('demoStore.findCustomerByEmail');
    expect(ranked).toContain('demoStore.getOrder');
  });
});
