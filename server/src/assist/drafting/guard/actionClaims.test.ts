// Claims that an action was done are marked; conditions, questions, negations, policies and
// restated live facts are not.
import { describe, expect, it } from 'vitest';
import { ActionClaims, CLAIM_NOTE } from './actionClaims.js';

const claims = new ActionClaims(['A payment failed on 2026-01-02.']);
const cancelledOrder = new ActionClaims(['Order #W2001 (49.00 USD, placed 2026-01-02) is cancelled.']);

describe('ActionClaims', () => {
  it.each([
    ['en', 'Refund processed.'],
    ['en', 'I have cancelled your order #W1042.'],
    ["en, we've", "We've refunded the $249.00 to your Visa."],
    ['en', 'Your refund was approved and executed.'],
    ['en', 'Your refund has been successfully processed [1].'],
    ['en', 'I went ahead and issued a full refund.'],
    ['en', 'I have updated your shipping address to 1 Main St.'],
    ['es', 'Su reembolso ha sido procesado.'],
    ['es', 'He cancelado su pedido y se ha emitido el reembolso.'],
    ['es', 'Reembolso procesado: aprobado y ejecutado.'],
    ['de', 'Wir haben Ihnen den Betrag bereits erstattet.'],
    ['de', 'Ihre Bestellung wurde storniert.'],
    ['de', 'Erstattung genehmigt und ausgeführt.'],
    ['fr', "J'ai bien remboursé votre commande."],
    ['fr', 'Votre remboursement a été effectué.'],
    ['pt', 'O seu pedido foi cancelado e o reembolso processado.'],
    ['it', 'Ho rimborsato il tuo ordine.'],
  ])('marks a claim (%s): %s', (_lang, sentence) => {
    expect(claims.unsupported(sentence)).toBe(true);
    expect(claims.mark(sentence)).toBe(`${CLAIM_NOTE} ${sentence}`);
  });

  it.each([
    'Refunds are processed within 5 business days [1].',
    'Once your refund has been processed, you will get an e-mail.',
    'Has your refund been processed yet?',
    'Your refund has not been processed yet.',
    'I can cancel the order for you once you confirm.',
    'Sobald die Erstattung bearbeitet wurde, erhalten Sie eine E-Mail.',
    'Cuando el reembolso haya sido procesado, le avisaremos.',
    'Dès que le remboursement a été effectué, vous recevrez un e-mail.',
    'Ihre Erstattung wurde noch nicht bearbeitet.',
    'Thanks for writing, Ana. I am sorry the parcel is late.',
  ])('leaves alone: %s', (sentence) => {
    expect(claims.mark(sentence)).toBe(sentence);
  });

  it('leaves a restated live fact alone, but not a claim of another kind or one in the first person', () => {
    expect(cancelledOrder.unsupported('Your order #W2001 was cancelled on 2 January.')).toBe(false);
    expect(cancelledOrder.unsupported('Ihre Bestellung wurde storniert.')).toBe(false);
    expect(cancelledOrder.unsupported('Your order #W2001 has been refunded.')).toBe(true);
    expect(cancelledOrder.unsupported('I have cancelled your order #W2001.')).toBe(true);
    expect(claims.unsupported('Your order #W2001 was cancelled on 2 January.')).toBe(true);
  });

  it('puts the note after leading white space, so paragraphs stay', () => {
    expect(claims.mark('\n\nRefund processed. ')).toBe(`\n\n${CLAIM_NOTE} Refund processed. `);
  });
});
