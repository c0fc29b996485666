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

  it('stops when the request is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    expect(await collect(new EmbeddedDrafter(), request(), controller.signal)).toEqual([]);
  });
});
