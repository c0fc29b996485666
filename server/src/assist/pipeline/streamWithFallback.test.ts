import type { DraftEvent } from '@tandem/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../logging/logger.js';
import { startFakeOpenAi, type FakeOpenAi } from '../../testing/fakeOpenAi.js';
import { CircuitBreaker } from '../drafting/circuitBreaker.js';
import { DrafterError, type Drafter, type DraftRequest } from '../drafting/drafter.js';
import { EmbeddedDrafter } from '../drafting/embeddedDrafter.js';
import { LlmDrafter } from '../drafting/llmDrafter.js';
import { PiiVault } from '../../security/redactPii.js';
import { PhaseTimings } from './phaseTimings.js';
import { streamWithFallback, type StreamDeps, type StreamedReply } from './streamWithFallback.js';

let fake: FakeOpenAi;
let llm: LlmDrafter;
const log = createLogger('silent');

beforeAll(async () => {
  fake = await startFakeOpenAi();
  llm = new LlmDrafter({
    baseUrl: fake.baseUrl,
    apiKey: 'sk-test',
    model: 'fake-model',
    firstTokenTimeoutMs: 600,
    idleTimeoutMs: 400,
    maxRetries: 0,
    breaker: new CircuitBreaker({ failureThreshold: 100 }),
  });
});
afterAll(() => fake.close());

const request: DraftRequest = {
  language: 'en',
  customerName: 'Ana',
  subject: 'Refund for a returned kettle',
  conversation: [{ role: 'customer', text: 'When will my refund arrive? Write to [EMAIL_1].' }],
  passages: [{ n: 1, title: 'Refund timing', sectionPath: ['Refunds'], text: 'Refunds are issued within 5 business days.' }],
  liveFacts: [],
  tools: [],
};

async function stream(deps: StreamDeps, signal = new AbortController().signal) {
  const vault = new PiiVault();
  vault.redact('ana@example.com');
  const run = streamWithFallback(
    deps,
    { tenantId: 'acme', options: { requestId: 'req-7' }, signal, timings: new PhaseTimings() },
    { vault, request },
  );
  const events: DraftEvent[] = [];
  for (;;) {
    const step = await run.next();
    if (step.done === true) return { events, result: step.value };
    events.push(step.value);
  }
}

const tokensOf = (events: readonly DraftEvent[]): string => events.map((e) => (e.type === 'token' ? e.text : '')).join('');

describe('streamWithFallback', () => {
  it('passes the LLM’s reply through the citation filter and the PII restorer', async () => {
    fake.script({
      tokens: ['We will write to ', '[EMAIL_', '1] within 5 days [1]', ' [7].'],
      usage: { promptTokens: 9, completionTokens: 4 },
    });
    const { events, result } = await stream({ llm, embedded: new EmbeddedDrafter(), log });
    expect(tokensOf(events)).toBe('We will write to ana@example.com within 5 days [1] .');
    expect(result).toMatchObject<Partial<StreamedReply>>({
      reply: 'We will write to ana@example.com within 5 days [1] .',
      citations: [1],
      drafter: 'llm',
      usage: { promptTokens: 9, completionTokens: 4, model: 'fake-model' },
    });
  });

  it('tells the client to restart when the LLM fails mid-answer, then the embedded draft replaces it', async () => {
    // The guard shows whole sentences: the first one is out before the stream breaks.
    fake.script({ tokens: ['Refunds take ', 'a while. ', 'Sorry ', 'for that'], interrupt: { afterEvents: 4, how: 'destroy' } });
    const { events, result } = await stream({ llm, embedded: new EmbeddedDrafter(), log });
    const restart = events.findIndex((e) => e.type === 'restart');
    expect(tokensOf(events.slice(0, restart))).toBe('Refunds take a while. ');
    expect(events.filter((e) => e.type === 'restart')).toHaveLength(1);
    // What the agent keeps is the embedded draft alone: nothing of the LLM's text or usage.
    expect(result?.drafter).toBe('embedded');
    expect(result?.usage).toBeUndefined();
    expect(result?.reply).toBe(tokensOf(events.slice(restart + 1)));
    expect(result?.reply).toContain('Refunds are issued within 5 business days. [1]');
  });

  it('falls back without a restart when the LLM fails before showing anything', async () => {
    fake.script({ status: 500 });
    const { events, result } = await stream({ llm, embedded: new EmbeddedDrafter(), log });
    expect(events.map((e) => e.type)).not.toContain('restart');
    expect(events[0]?.type).toBe('token');
    expect(result?.drafter).toBe('embedded');
  });

  it('ends with one error carrying the request id when the embedded drafter itself fails', async () => {
    const broken: Drafter = {
      kind: 'embedded',
      // eslint-disable-next-line require-yield -- a drafter that fails before its first chunk
      async *draft() {
        throw new DrafterError('BAD_RESPONSE', 'no phrases for this language');
      },
    };
    const { events, result } = await stream({ llm: undefined, embedded: broken, log });
    expect(events).toEqual([
      { type: 'error', error: { code: 'INTERNAL_SERVER_ERROR', message: 'The draft could not be written.', requestId: 'req-7' } },
    ]);
    expect(result).toBeUndefined();
  });

  it('stops without another event when the agent leaves mid-draft', async () => {
    fake.script({ tokens: ['One. ', 'Two. ', 'Three. ', 'Four. '], tokenDelayMs: 50 });
    const controller = new AbortController();
    const vault = new PiiVault();
    const run = streamWithFallback(
      { llm, embedded: new EmbeddedDrafter(), log },
      { tenantId: 'acme', options: {}, signal: controller.signal, timings: new PhaseTimings() },
      { vault, request },
    );
    expect(await run.next()).toEqual({ done: false, value: { type: 'token', text: 'One. ' } });
    controller.abort();
    expect(await run.next()).toEqual({ done: true, value: undefined });
  });

  it('guards the restored text: markup in a restored name, claims and foreign links never reach the agent', async () => {
    fake.script({
      tokens: [
        'Hi [NAME_',
        '1], your refund ',
        'has been processed [1]. ',
        'Track it at https://evil.example/t ',
        'or https://shop.acme.example/t.',
      ],
    });
    const vault = new PiiVault();
    // Display names come from the helpdesk page as free text; the restorer puts this one back whole.
    vault.redactName('Ana <img src=x onerror=alert(1)>');
    const run = streamWithFallback(
      { llm, embedded: new EmbeddedDrafter(), log, linkDomains: (tenantId) => (tenantId === 'acme' ? ['acme.example'] : []) },
      { tenantId: 'acme', options: {}, signal: new AbortController().signal, timings: new PhaseTimings() },
      { vault, request },
    );
    const events: DraftEvent[] = [];
    let step = await run.next();
    for (; step.done !== true; step = await run.next()) events.push(step.value);
    expect(tokensOf(events)).toBe(
      "[not done yet: needs the agent's confirmation] Hi Ana , your refund has been processed [1]. Track it at [link removed] or https://shop.acme.example/t.",
    );
    expect(step.value?.guard).toEqual({ html: 1, links: 1, secrets: 0, promptEcho: 0, claims: 1 });
    expect(step.value?.reply).toBe(tokensOf(events));
  });

  it('starts the guard afresh for the fallback draft, so the LLM’s half sentence leaves no trace', async () => {
    fake.script({ tokens: ['Refund processed. ', 'See <img src=x '], interrupt: { afterEvents: 3, how: 'destroy' } });
    const { events, result } = await stream({ llm, embedded: new EmbeddedDrafter(), log });
    const restart = events.findIndex((e) => e.type === 'restart');
    expect(restart).toBeGreaterThan(0);
    expect(result?.drafter).toBe('embedded');
    expect(result?.guard).toEqual({ html: 0, links: 0, secrets: 0, promptEcho: 0, claims: 0 });
    expect(result?.reply).toContain('Refunds are issued within 5 business days. [1]');
  });

  it('marks the first token’s time when a one-sentence reply is shown only at the end', async () => {
    fake.script({ tokens: ['Thanks ', 'for ', 'writing ', '[1]', '.'] });
    const timings = new PhaseTimings();
    const run = streamWithFallback(
      { llm, embedded: new EmbeddedDrafter(), log },
      { tenantId: 'acme', options: {}, signal: new AbortController().signal, timings },
      { vault: new PiiVault(), request },
    );
    const shown: DraftEvent[] = [];
    for (let step = await run.next(); step.done !== true; step = await run.next()) shown.push(step.value);
    expect(tokensOf(shown)).toBe('Thanks for writing [1].');
    expect(timings.summary().firstTokenMs).toBeTypeOf('number');
  });
});
