import type { ActionSuggestion, TicketContext } from '@tandem/shared';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ActionCatalog, ActionDefinition } from '../assist/index.js';
import { answerConfidence, NO_ANSWER_BELOW } from '../assist/confidence/answerConfidence.js';
import { asksForHuman, isClearlyUpset, knowledgeHandoff, requestedAction } from './handoffRules.js';

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

  it('hands off below the site threshold: no-answer when nothing answers, low-confidence when unsure', () => {
    const sure = { confidence: 0.95, sourcesAnswer: true, sources: 3 };
    const unsure = { confidence: 0.6, sourcesAnswer: true, sources: 3 };
    expect(knowledgeHandoff(sure, 0.9)).toBeUndefined();
    expect(knowledgeHandoff(unsure, 0.6)).toBeUndefined();
    expect(knowledgeHandoff(unsure, 0.9)).toBe('low-confidence');
    expect(knowledgeHandoff({ ...unsure, sourcesAnswer: false }, 0.9)).toBe('no-answer');
    expect(knowledgeHandoff({ ...unsure, sources: 0 }, 0.9)).toBe('no-answer');
    // A site that answers everything (threshold 0) never hands off for the knowledge base.
    expect(knowledgeHandoff({ confidence: 0, sourcesAnswer: false, sources: 0 }, 0)).toBeUndefined();
  });

  it('reads the fitted confidence the draft reports: a source that answers passes where an unrelated one is handed off', () => {
    const query = 'How long does standard delivery take?';
    const passage = (title: string, text: string, score: number) => ({ title, text, sectionPath: [title], score });
    const scored = (passages: ReturnType<typeof passage>[]) => {
      const confidence = answerConfidence({ query, language: 'en', passages });
      return { confidence, sourcesAnswer: confidence >= NO_ANSWER_BELOW, sources: passages.length };
    };
    const answering = scored([passage('Delivery times', 'Standard delivery takes 3 to 5 business days within the EU.', 0.92)]);
    const unrelated = scored([passage('Gift cards', 'Gift cards can be used for any purchase in our shop.', 0.12)]);
    expect(answering.confidence).toBeGreaterThan(unrelated.confidence);
    expect(knowledgeHandoff(unrelated, 0.4)).toBe('no-answer');
    expect(knowledgeHandoff(answering, 0.4)).toBeUndefined();
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
