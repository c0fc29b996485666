import { describe, expect, it } from 'vitest';
import { checkFacts, factPresent, tokens, wordsMatch } from './draftFacts.js';

describe('tokens', () => {
  it('reads numbers as numbers and drops signs, accents and citations', () => {
    expect(tokens('A $1,350 fee [2], then 25.00 or 2,5 % — días 5–7')).toEqual([
      'a',
      '1350',
      'fee',
      'then',
      '25',
      'or',
      '2.5',
      'dias',
      '5',
      '7',
    ]);
    expect(tokens('1.000 Euro, seven days, dos días')).toEqual(['1000', 'euro', '7', 'days', '2', 'dias']);
  });
});

describe('factPresent', () => {
  const draft =
    'Hi Sam, thanks for writing. Closing a Blue Account within 60 days of opening carries an early closure fee of $25.00 [1]. ' +
    'The fee is deducted from your balance. Standard deposits are typically available within 1-2 business days.';

  it('finds a fact stated in other words, with its numbers in the same place', () => {
    expect(factPresent(draft, '$25 early closure fee')).toBe(true);
    expect(factPresent(draft, 'within 60 days')).toBe(true);
    expect(factPresent(draft, '1-2 business days')).toBe(true);
    expect(factPresent(draft, 'fees are deducted from the account balance')).toBe(true);
  });

  it('misses a fact whose number or keywords are absent', () => {
    expect(factPresent(draft, '$15 early closure fee')).toBe(false);
    expect(factPresent(draft, '3 days notice')).toBe(false);
    expect(factPresent(draft, 'unfreeze at any time')).toBe(false);
  });

  it('needs the number and the keywords in one window, not anywhere in the draft', () => {
    const scattered = 'Our fees are listed online. Thanks for your patience. You have 30 days.';
    expect(factPresent(scattered, '30 days to fund the account')).toBe(false);
  });

  it('accepts any of the phrasings, in the customer language too', () => {
    expect(factPresent('Le remboursement arrive en 5 à 7 jours ouvrés.', ['5 to 7 business days', '5 à 7 jours'])).toBe(true);
    expect(factPresent('Die Erstattung dauert 5 bis 7 Werktage.', ['5 to 7 business days'])).toBe(false);
  });

  it('matches forbidden facts strictly: every keyword', () => {
    const d = 'Only the highest credit card bonus applies, so you receive +0.6%.';
    expect(factPresent(d, 'the bonuses stack', { strict: true })).toBe(false);
    expect(factPresent('The bonuses stack, you get all of them.', 'the bonuses stack', { strict: true })).toBe(true);
  });
});

describe('wordsMatch', () => {
  it('joins inflections by a long shared prefix', () => {
    expect(wordsMatch('cancelled', 'cancellation')).toBe(true);
    expect(wordsMatch('withdrawals', 'withdrawal')).toBe(true);
    expect(wordsMatch('card', 'cards')).toBe(false);
    expect(wordsMatch('balance', 'banking')).toBe(false);
  });
});

describe('checkFacts', () => {
  it('counts required facts present and names the missing and forbidden ones', () => {
    const result = checkFacts(
      'The early closure fee is $75 and notice takes 10 days.',
      ['$75 early closure fee', '10 days notice', 'manager approval'],
      ['$150 early closure fee', ['$75 fee']],
    );
    expect(result).toEqual({ required: 3, present: 2, missing: ['manager approval'], forbidden: ['$75 fee'] });
  });
});
