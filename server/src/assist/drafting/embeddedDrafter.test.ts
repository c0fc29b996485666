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
  it('greets by name, states live facts, quotes the answering sentence with its citation, token by token', async () => {
    const tokens = await collect(new EmbeddedDrafter(), request());
    const text = tokens.join('');
    expect(tokens.length).toBeGreaterThan(20);
    expect(text.startsWith('Hi Ana,')).toBe(true);
    expect(text).toContain('Order #1042 was delivered on 3 March.');
    expect(text).toContain('Refunds are issued within 5 business days after the returned item reaches our warehouse. [1]');
    expect(text.indexOf('[1]')).toBeLessThan(text.indexOf('Let me know'));
  });

  it('writes its own phrases in the customer language and says when the knowledge is in another one', async () => {
    const text = (await collect(new EmbeddedDrafter(), request({ language: 'es', customerName: 'Lucía' }))).join('');
    expect(text.startsWith('Hola Lucía:')).toBe(true);
    expect(text).toContain('(en inglés)');
    expect(text).toContain('[1]');
  });

  it('promises a follow-up instead of inventing an answer when nothing was retrieved', async () => {
    const text = (await collect(new EmbeddedDrafter(), request({ passages: [], liveFacts: [] }))).join('');
    expect(text).toContain('checking this with the team');
    expect(text).not.toMatch(/\[\d+\]/);
  });

  it('writes a shorter reply for a short draft and a longer one for a long draft, from the same ticket', async () => {
    const passages: DraftRequest['passages'] = [
      {
        n: 1,
        title: 'Refunds',
        sectionPath: ['Refunds'],
        text:
          'Refunds are issued within 5 business days after the returned item reaches our warehouse. ' +
          'The refund goes back to the card you paid with. Your bank may need a few more days to show the refund. ' +
          'We send an email as soon as the refund is issued.',
      },
      {
        n: 2,
        title: 'Returns',
        sectionPath: ['Returns'],
        text:
          'Returned items must be unused and in their original box. Print the prepaid label from your order page. ' +
          'Drop the parcel at any post office within 30 days of delivery.',
      },
    ];
    const drafter = new EmbeddedDrafter();
    const [short, medium, unset, long] = await Promise.all(
      (['short', 'medium', undefined, 'long'] as const).map(async (length) =>
        (await collect(drafter, request({ passages, length }))).join(''),
      ),
    );
    const citations = (text: string | undefined) => text?.match(/\[\d\]/g)?.length ?? 0;
    expect(short?.length).toBeLessThan(medium?.length ?? 0);
    expect(medium?.length).toBeLessThan(long?.length ?? 0);
    expect(unset).toBe(medium);
    expect([citations(short), citations(medium), citations(long)]).toEqual([1, 3, 6]);
    // Short still answers the question, and skips the pleasantries.
    expect(short).toContain('[1]');
    expect(short).not.toContain('Thanks for getting in touch.');
    expect(long).toContain('Thanks for getting in touch.');
  });

  it('stops when the request is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    expect(await collect(new EmbeddedDrafter(), request(), controller.signal)).toEqual([]);
  });
});
