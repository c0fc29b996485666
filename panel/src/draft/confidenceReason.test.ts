/** Confidence in words: the level, the reasons an agent can act on, and what to check first. */
import { describe, expect, it } from 'vitest';
import { citedSource, suggestion } from './draftFixtures';
import { explainConfidence } from './confidenceReason';

const BASE = {
  confidence: 0.82,
  needsReview: false,
  sources: [citedSource(1, { title: 'Refund deadlines' })],
  citations: [1],
  actions: [],
  notes: [],
  drafter: 'llm' as const,
  restartReason: undefined,
};

describe('explainConfidence', () => {
  it('calls a cited, unflagged LLM draft high with nothing to check', () => {
    const explained = explainConfidence(BASE);
    expect(explained).toEqual({ level: 'high', label: 'High confidence (82%)', reasons: [], check: undefined });
  });

  it('says when no article covers the ticket', () => {
    const explained = explainConfidence({ ...BASE, sources: [], citations: [], confidence: 0.2, needsReview: true });
    expect(explained.level).toBe('low');
    expect(explained.reasons).toContain('No article covers this ticket');
    expect(explained.check).toMatch(/every fact/);
  });

  it('says when instructions may be hidden in the ticket, whatever the score', () => {
    const flagged = suggestion({ flagged: { reason: 'Possible prompt injection (message 2: asks to ignore the rules)' } });
    const explained = explainConfidence({ ...BASE, actions: [flagged], needsReview: true });
    expect(explained.level).toBe('low');
    expect(explained.reasons[0]).toBe('Possible instructions to the assistant in the ticket');
  });

  it('names the loosely matching article on a weak draft, and the built-in drafter', () => {
    const explained = explainConfidence({ ...BASE, confidence: 0.13, needsReview: true, drafter: 'embedded' });
    expect(explained.reasons).toEqual([
      'The best article ("Refund deadlines") matches only loosely',
      'Written by the built-in drafter from the best passages, without a language model',
    ]);
    expect(explained.label).toBe('Low confidence (13%)');
  });

  it('says why the model was replaced, leaving the notes to be shown as they are', () => {
    const explained = explainConfidence({
      ...BASE,
      drafter: 'embedded',
      restartReason: 'provider timed out',
      notes: ['The output guard removed 1 link. Review the draft before sending it.'],
      needsReview: true,
    });
    expect(explained.level).toBe('medium');
    expect(explained.reasons).toEqual(['The language model stopped (provider timed out); the built-in drafter wrote this']);
  });

  it('never leaves a flagged draft without a reason', () => {
    expect(explainConfidence({ ...BASE, needsReview: true }).reasons).toEqual(['Tandem flagged this draft for review']);
  });
});
