import type { ActionSuggestion, TicketContext } from '@tandem/shared';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ActionCatalog, ActionDefinition } from '../assist/index.js';
import { asksForHuman, confidenceCeiling, isClearlyUpset, requestedAction } from './handoffRules.js';

describe('asking for a person', () => {
  it.each([
    'I want to talk to a real person',
    'Can I speak with someone please?',
    'connect me to a human agent',
    'HUMAN PLEASE',
    't4lk to a hum4n',
    'Quiero hablar con una persona',
    'Ich möchte mit einem Menschen sprechen',
    'Je veux parler à quelqu’un',
    'Je voudrais parler a un conseiller',
    'Quero falar com um atendente',
  ])('hears “%s”', (text) => expect(asksForHuman(text)).toBe(true));

  it.each([
    'How do I reset my password?',
    'Is a person required to sign for the delivery?',
    'The human resources page is broken',
    'Can my partner speak on the phone for me?',
  ])('does not hear it in “%s”', (text) => expect(asksForHuman(text)).toBe(false));
});

describe('the other rules', () => {
  it('takes only strong negative feeling as upset', () => {
    expect(isClearlyUpset({ sentiment: 'negative', frustration: 0.96 })).toBe(true);
    expect(isClearlyUpset({ sentiment: 'negative', frustration: 0.54 })).toBe(false);
    expect(isClearlyUpset({ sentiment: 'neutral', frustration: 0.9 })).toBe(false);
  });

  it('bounds the confidence sources could support: none without sources, more for a clear best source', () => {
    expect(confidenceCeiling([])).toBe(0);
    const weak = confidenceCeiling([{ score: 0.08 }]);
    const strong = confidenceCeiling([{ score: 0.9 }, { score: 0.1 }]);
    expect(weak).toBeLessThan(0.4);
    expect(strong).toBeGreaterThan(0.8);
  });

  it('finds the change the visitor asked for: a write their words make apply, never a flagged one, and a transfer as a person', () => {
    const orderIn = (ticket: TicketContext) => /#\d+/.exec(ticket.messages.map((m) => m.body).join(' '))?.[0];
    const write = (name: string, prefill: ActionDefinition['prefill']): ActionDefinition => ({
      name,
      title: name,
      description: name,
      risk: 'write',
      allowedRoles: ['agent'],
      argumentsSchema: z.object({}),
      prefill,
      execute: () => Promise.resolve({ summary: '', output: {} }),
    });
    const refund = write('shop.refundOrder', ({ ticket }) => (orderIn(ticket) === undefined ? undefined : { orderId: orderIn(ticket) }));
    const anyTicket = write('desk.createTicket', () => ({}));
    const transfer = write('shop.transferToHuman', ({ ticket }) =>
      /human/.test(ticket.messages.map((m) => m.body).join(' ')) ? {} : undefined,
    );
    const catalog: ActionCatalog = {
      list: () => [refund, anyTicket, transfer],
      get: (n) => [refund, anyTicket, transfer].find((a) => a.name === n),
    };
    const suggestion = (action: string, extra: Partial<ActionSuggestion> = {}): ActionSuggestion => ({
      id: `sg_${action}`,
      action,
      title: action,
      risk: 'write',
      allowedRoles: ['agent'],
      arguments: {},
      rationale: '',
      ...extra,
    });
    const context = (body: string) => ({
      tenantId: 't',
      ticket: {
        site: 'widget',
        ticketId: 'c',
        subject: '',
        requester: {},
        messages: [{ authorRole: 'customer', body, partial: false }],
        tags: [],
        status: 'open',
      } as TicketContext,
    });
    const all = [suggestion('desk.createTicket'), suggestion('shop.refundOrder'), suggestion('shop.transferToHuman')];
    expect(requestedAction(catalog, all, context('Refund #1042 please'))).toEqual({ kind: 'change', suggestion: all[1] });
    expect(requestedAction(catalog, all, context('What is your refund policy?'))).toBeUndefined();
    expect(
      requestedAction(catalog, [suggestion('shop.refundOrder', { flagged: { reason: 'injection' } })], context('Refund #1042')),
    ).toBeUndefined();
    expect(requestedAction(catalog, [suggestion('shop.refundOrder', { risk: 'read' })], context('Refund #1042'))).toBeUndefined();
    expect(requestedAction(catalog, all, context('get me a human'))).toEqual({ kind: 'person' });
  });
});
