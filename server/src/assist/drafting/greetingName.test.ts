import { describe, expect, it } from 'vitest';
import { greetingName } from './greetingName.js';

describe('greetingName', () => {
  it('takes the first name and writes it in name case', () => {
    expect(greetingName('Ana Pérez')).toBe('Ana');
    expect(greetingName('MÉNDEZ, ROSARIO')).toBe('Rosario');
    expect(greetingName('dr. anna-lena schmidt')).toBe('Anna-Lena');
    expect(greetingName("  o'brien  ")).toBe("O'Brien");
    expect(greetingName('Ana (via Zendesk)')).toBe('Ana');
    expect(greetingName('Sra. Lucía Gómez')).toBe('Lucía');
    expect(greetingName('McKenzie Ray')).toBe('McKenzie');
  });

  it('greets nobody by a name that is not a person’s', () => {
    for (const shown of [undefined, '', 'ana.perez@example.com', 'Billing Team', 'ACME Inc', 'user4821', 'Customer', 'J', '[NAME_1]'])
      expect(greetingName(shown)).toBeUndefined();
  });
});
