import { describe, expect, it } from 'vitest';
import type { DraftRequest } from './drafter.js';
import { EmbeddedDrafter } from './embeddedDrafter.js';

const request = (over: Partial<DraftRequest> = {}): DraftRequest => ({
  language: 'en',
  customerName: 'Ana',
  subject: 'Refund for a returned kettle',
  conversation: [{ role: 'customer', text: 'I sent the kettle back last week. When will my refund arrive?' }],
  passages: [
    {
      n: 1,
      title: 'Refund timing',
      sectionPath: ['Refunds'],
      language: 'en',
      text: 'Refunds are issued within 5 business days after the returned item reaches our warehouse. Gift cards are never refunded in cash.',
    },
    {
      n: 2,
      title: 'Shipping rates',
      sectionPath: ['Shipping'],
      language: 'en',
      text: 'Standard shipping costs 4 euros and takes three days within the country.',
    },
  ],
  liveFacts: ['Order #1042 was delivered on 3 March.'],
  tools: [],
  ...over,
});

async function collect(drafter: EmbeddedDrafter, r: DraftRequest, signal = new AbortController().signal) {
  const tokens: string[] = [];
  for await (const chunk of drafter.draft(r, signal)) if (chunk.kind === 'token') tokens.push(chunk.text);
  return tokens;
}

describe('EmbeddedDrafter', () => {
  it('answers first after the greeting, then the live facts, quoting the answering sentence with its citation, token by token', async () => {
    const tokens = await collect(new EmbeddedDrafter(), request());
    const text = tokens.join('');
    expect(tokens.length).toBeGreaterThan(20);
    expect(text.startsWith('Hi Ana,\n\nRefunds are issued within 5 business days')).toBe(true);
    expect(text).toContain('Refunds are issued within 5 business days after the returned item reaches our warehouse. [1]');
    expect(text).toContain('Order #1042 was delivered on 3 March.');
    expect(text.indexOf('[1]')).toBeLessThan(text.indexOf('Order #1042'));
    // Shipping rates do not answer a refund question.
    expect(text).not.toContain('Standard shipping');
  });

  it('writes its own phrases in the customer language and says when the knowledge is in another one', async () => {
    const text = (await collect(new EmbeddedDrafter(), request({ language: 'es', customerName: 'Lucía' }))).join('');
    expect(text.startsWith('Hola Lucía:')).toBe(true);
    expect(text).toContain('(en inglés)');
    expect(text).toContain('[1]');
    const pt = (await collect(new EmbeddedDrafter(), request({ language: 'pt-BR', customerName: undefined }))).join('');
    expect(pt.startsWith('Olá,')).toBe(true);
    expect(pt).toContain('(em inglês)');
  });

  it('promises a follow-up instead of inventing an answer when nothing was retrieved', async () => {
    const text = (await collect(new EmbeddedDrafter(), request({ passages: [], liveFacts: [] }))).join('');
    expect(text).toContain('checking this with the team');
    expect(text).not.toMatch(/\[\d+\]/);
  });

  it('writes a plain not-found reply with a handoff, in the customer language, when the sources do not answer', async () => {
    const en = (await collect(new EmbeddedDrafter(), request({ sourcesAnswer: false, liveFacts: [] }))).join('');
    expect(en).toBe(
      'Hi Ana,\n\nI could not find this in our help articles. I am passing your question to a colleague who can check it and will get back to you.',
    );
    for (const [language, phrase] of [
      ['es', 'No he encontrado'],
      ['de', 'Hilfeartikeln nichts gefunden'],
      ['fr', 'Je n’ai pas trouvé'],
      ['pt', 'Não encontrei'],
    ] as const) {
      const text = (await collect(new EmbeddedDrafter(), request({ language, sourcesAnswer: false }))).join('');
      expect(text).toContain(phrase);
      expect(text).not.toMatch(/\[\d+\]/);
    }
  });

  it('picks the sentence that answers the question asked, not the article’s first lines', async () => {
    const passages: DraftRequest['passages'] = [
      {
        n: 1,
        title: 'Closing your account',
        sectionPath: ['Closing your account'],
        text:
          'Closing your account\n\nWe are sorry to see you go and hope to serve you again. You can close your account from the app or in a branch. ' +
          'Accounts closed within 60 days of opening pay a $25 early closure fee. Closing takes up to 3 business days.',
      },
    ];
    const text = (
      await collect(
        new EmbeddedDrafter(),
        request({
          subject: 'closing',
          conversation: [{ role: 'customer', text: 'I opened my account five weeks ago. Is there a fee if I close it now?' }],
          passages,
          length: 'short',
          liveFacts: [],
        }),
      )
    ).join('');
    expect(text).toContain('Accounts closed within 60 days of opening pay a $25 early closure fee. [1]');
    expect(text).not.toContain('sorry to see you go');
  });

  it('never glues a heading into a sentence, and keeps list steps as a list under their intro', async () => {
    const passages: DraftRequest['passages'] = [
      {
        n: 1,
        title: 'Parcels',
        sectionPath: ['Tracking a parcel'],
        text:
          'Tracking a parcel\n\nYou receive a tracking link by email once the parcel leaves our warehouse.\n\n' +
          'Reporting a lost parcel\n\nTo report a lost parcel:\n\n1. Wait 10 days after the last tracking update.\n2. Open the order in your account.\n3. Choose Report a problem and pick Lost parcel.',
      },
    ];
    const text = (
      await collect(
        new EmbeddedDrafter(),
        request({
          subject: 'parcel lost',
          conversation: [{ role: 'customer', text: 'How do I report a lost parcel? And where is my tracking link?' }],
          passages,
          liveFacts: [],
        }),
      )
    ).join('');
    expect(text).not.toMatch(/Tracking a parcel You receive/);
    expect(text).not.toMatch(/Reporting a lost parcel To report/);
    expect(text).toContain(
      'To report a lost parcel:\n1. Wait 10 days after the last tracking update.\n2. Open the order in your account.\n3. Choose Report a problem and pick Lost parcel. [1]',
    );
    expect(text).toContain('You receive a tracking link by email once the parcel leaves our warehouse. [1]');
    // Answer order follows the questions: the lost parcel first.
    expect(text.indexOf('To report')).toBeLessThan(text.indexOf('You receive a tracking link'));
  });

  it('quotes fewer units for a short draft than for a long one, from the same ticket', async () => {
    const passages: DraftRequest['passages'] = [
      {
        n: 1,
        title: 'Refunds',
        sectionPath: ['Refunds'],
        text:
          'Refunds are issued within 5 business days after the returned item reaches our warehouse. ' +
          'The refund goes back to the card you paid with. Your bank may need a few more days to show the refund on your card. ' +
          'We send an email as soon as the refund is issued.',
      },
    ];
    const drafter = new EmbeddedDrafter();
    const [short, unset, long] = await Promise.all(
      (['short', undefined, 'long'] as const).map(async (length) => (await collect(drafter, request({ passages, length }))).join('')),
    );
    const citations = (text: string | undefined) => text?.match(/\[\d\]/g)?.length ?? 0;
    expect(citations(short)).toBe(1);
    expect(citations(short)).toBeLessThan(citations(unset));
    expect(citations(unset)).toBeLessThanOrEqual(citations(long));
    expect(short).toContain('Refunds are issued within 5 business days');
  });

  it('stops when the request is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    expect(await collect(new EmbeddedDrafter(), request(), controller.signal)).toEqual([]);
  });
});
