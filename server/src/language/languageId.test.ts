import { describe, expect, it } from 'vitest';
import { detectLanguage } from './languageId.js';

describe('detectLanguage', () => {
  it('identifies the languages our customers write in', async () => {
    expect((await detectLanguage('Hi, I was charged twice for my order and would like a refund please.')).language).toBe('en');
    expect((await detectLanguage('Hola, me cobraron dos veces el pedido y quiero un reembolso.')).language).toBe('es');
    expect((await detectLanguage('Hallo, mir wurde die Bestellung doppelt berechnet, ich möchte eine Erstattung.')).language).toBe('de');
    expect((await detectLanguage('Bonjour, ma commande a été débitée deux fois, je voudrais un remboursement.')).language).toBe('fr');
  });

  it('says undetermined instead of guessing on text without words', async () => {
    expect(await detectLanguage('12345 !!! ??')).toEqual({ language: 'und', confidence: 0 });
  });
});
