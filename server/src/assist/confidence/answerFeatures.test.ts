import { describe, expect, it } from 'vitest';
import { ANSWER_FEATURES, answerFeatures, featureRecord, questionsOf } from './answerFeatures.js';

const passage = (title: string, text: string, score: number) => ({ title, text, sectionPath: [title], score });

describe('questionsOf', () => {
  it('finds each question, a second one joined by "and how…" included, and falls back to the whole text', () => {
    expect(questionsOf('I sent it back last week. When will my refund arrive? Thanks')).toEqual(['When will my refund arrive?']);
    expect(questionsOf('When will my refund reach my card, and how long does delivery take?')).toEqual([
      'When will my refund reach my card?',
      'how long does delivery take?',
    ]);
    expect(questionsOf('¿Cuánto cuesta el envío y cuándo llega el pedido?')).toHaveLength(2);
    expect(questionsOf('Please close my account')).toEqual(['Please close my account']);
  });
});

describe('answerFeatures', () => {
  it('gives one value per named feature, in order', () => {
    const x = answerFeatures({ query: 'refund', language: 'en', passages: [] });
    expect(x).toHaveLength(ANSWER_FEATURES.length);
    expect(x[ANSWER_FEATURES.indexOf('noSources')]).toBe(1);
  });

  it('reads coverage, title, product names and numbers off the sources that answer, and not off those that do not', () => {
    const query = 'closing my Gold savings\nI opened a Gold savings account 4 months ago. Is there a fee to close it?';
    const answering = featureRecord({
      query,
      language: 'en',
      passages: [passage('Closing a Gold savings account', 'Closing a Gold savings account within 6 months costs a $75 fee.', 0.6)],
    });
    const unrelated = featureRecord({
      query,
      language: 'en',
      passages: [passage('Ordering a debit card', 'Debit cards are sent within 7 days to your address.', 0.3)],
    });
    expect(answering.termCoverage).toBeGreaterThan(unrelated.termCoverage);
    expect(answering.titleInQuery).toBe(1);
    expect(unrelated.titleInQuery).toBeLessThan(0.5);
    expect(answering.topEntityMatch).toBe(1);
    expect(unrelated.topEntityMatch).toBe(0);
    expect(answering.questionCoverageMin).toBeGreaterThan(unrelated.questionCoverageMin);
    expect(answering.pairCoverage).toBeGreaterThan(unrelated.pairCoverage);
  });

  it('lets a Spanish ticket meet English sources through the glossary', () => {
    const spanish = featureRecord({
      query: '¿Cuánto tarda el reembolso?',
      language: 'es',
      passages: [passage('Refunds', 'A refund takes 5 business days.', 0.5)],
    });
    expect(spanish.nonEnglish).toBe(1);
    expect(spanish.termCoverage).toBeGreaterThan(0);
  });
});
