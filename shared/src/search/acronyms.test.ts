import { describe, expect, it } from 'vitest';
import { definedAcronyms, expandTitleAcronyms } from './acronyms.js';

describe('acronyms', () => {
  it('finds acronyms a text defines, matching initials', () => {
    const defs = definedAcronyms('You can request a credit limit increase (CLI) if eligible. We also offer Buy Now Pay Later (BNPL).');
    expect(defs.get('CLI')).toBe('credit limit increase');
    expect(defs.get('BNPL')).toBe('Buy Now Pay Later');
  });

  it('ignores parentheses that are not definitions', () => {
    expect(definedAcronyms('Call the support line (USA) today').size).toBe(0);
  });

  it('expands a title that uses a defined acronym', () => {
    const defs = new Map([['CLI', 'credit limit increase']]);
    expect(expandTitleAcronyms('How can I request a CLI?', defs)).toBe('How can I request a CLI? (credit limit increase)');
    expect(expandTitleAcronyms('Climbing clinic', defs)).toBe('Climbing clinic');
  });
});
