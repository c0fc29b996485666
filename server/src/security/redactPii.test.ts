import { describe, expect, it } from 'vitest';
import { createStreamingRestorer, PiiVault } from './redactPii.js';
import { fastestCpuMs } from '../testing/cpuTime.js';

/** Redacts `text` in a fresh vault and checks the round trip back to the original. */
function roundTrip(text: string): string {
  const vault = new PiiVault();
  const redacted = vault.redact(text);
  expect(vault.restore(redacted)).toBe(text);
  return redacted;
}

describe('PiiVault.redact', () => {
  it('replaces emails and gives one value one placeholder, whatever its case', () => {
    const vault = new PiiVault();
    const redacted = vault.redact('Write to Jo.Smith+orders@mail.example.co.uk, or jo.smith+orders@MAIL.example.co.uk. Or ops@shop.io.');
    expect(redacted).toBe('Write to [EMAIL_1], or [EMAIL_1]. Or [EMAIL_2].');
    expect(vault.size).toBe(2);
    expect(vault.restore(redacted)).toBe(
      'Write to Jo.Smith+orders@mail.example.co.uk, or Jo.Smith+orders@mail.example.co.uk. Or ops@shop.io.',
    );
  });

  it('keeps the same placeholder across several texts of one request', () => {
    const vault = new PiiVault();
    expect(vault.redact('Refund for lena@example.org')).toBe('Refund for [EMAIL_1]');
    expect(vault.redact('Hi, this is lena@example.org again, and my partner is sam@example.org')).toBe(
      'Hi, this is [EMAIL_1] again, and my partner is [EMAIL_2]',
    );
  });

  it.each([
    ['+1 (555) 123-4567'],
    ['(555) 987-6543'],
    ['555-321-7788'],
    ['+44 20 7946 0958'],
    ['+44 (0)20 7946 0958'],
    ['+33 6 12 34 56 78'],
    ['06 12 34 56 78'],
    ['030 12345678'],
    ['+34 612 34 56 78'],
    ['0044 20 7946 0958'],
    ['+4915112345678'],
    ['612.345.678'],
  ])('replaces the phone number %s', (phone) => {
    expect(roundTrip(`Please call me back on ${phone} this afternoon.`)).toBe('Please call me back on [PHONE_1] this afternoon.');
  });

  it('takes a bare run of digits for a phone only when the text announces one', () => {
    expect(roundTrip('Mi teléfono es 612345678, gracias')).toBe('Mi teléfono es [PHONE_1], gracias');
    expect(roundTrip('Meine Handynummer: 017012345678')).toBe('Meine Handynummer: [PHONE_1]');
    expect(roundTrip('My customer id is 61234567 and my code 88812345')).toBe('My customer id is 61234567 and my code 88812345');
  });

  it('stops a phone before a trailing number that is not part of it', () => {
    expect(roundTrip('Reach me on 555 123 4567 24/7')).toBe('Reach me on [PHONE_1] 24/7');
  });

  it.each([
    ['an order number', 'Where is order #1042? I ordered 3 items on 12/03.'],
    ['an order id with dashes', 'Amazon order 112-1234567-1234567 never came'],
    ['an order id after its label', 'Order no. 1042-5567-8812 was charged twice'],
    ['a reference', 'Your ref: 5512 3344 9911'],
    ['account and booking numbers', 'Account 1042-5567-8812, booking no. 7781 2231 09, Kundennummer: 4410 2288 17'],
    ['tracking codes', 'Tracking 1Z999AA10123456784 and tracking number 7489 1234 5678 show nothing'],
    ['amounts', 'I paid $1,234.56, then 12.345.678,90 € and EUR 12 345 678, in total 1 299 999 pesos'],
    ['dates and times', 'Ordered on 2024-03-15 10 30, delivered 15.03.2024, warranty 2019-2024'],
    ['opening hours', 'You are open 0800-1700 on weekdays'],
    ['years and short numbers', 'Since 2019 I bought 12 jackets and 3 tents, 45 kg in total'],
    ['an IP address', 'The console at 192.168.100.200 will not load'],
    ['a version', 'After updating to 10.15.7.2 it crashes'],
  ])('leaves %s alone', (_what, text) => {
    const vault = new PiiVault();
    expect(vault.redact(text)).toBe(text);
    expect(vault.size).toBe(0);
  });

  it.each([
    ['Visa with spaces', '4111 1111 1111 1111'],
    ['Mastercard with dashes', '5500-0000-0000-0004'],
    ['Amex in 4-6-5', '3782 822463 10005'],
    ['Amex unspaced', '378282246310005'],
    ['19 digits', '6011 0009 9013 9424 009'],
  ])('replaces a card number (%s)', (_what, card) => {
    expect(roundTrip(`Charged to ${card}, please check`)).toBe('Charged to [CARD_1], please check');
  });

  it('leaves 16-digit numbers that fail the Luhn check', () => {
    const vault = new PiiVault();
    for (const text of ['Card 4111 1111 1111 1112 was declined', 'Card 4111-1111-1111-1112', 'Number 4111111111111112']) {
      expect(vault.redact(text)).toBe(text);
    }
    expect(vault.size).toBe(0);
  });

  it('keeps the same card in different spellings under one placeholder', () => {
    const vault = new PiiVault();
    expect(vault.redact('4111 1111 1111 1111 / 4111-1111-1111-1111 / 4111111111111111')).toBe('[CARD_1] / [CARD_1] / [CARD_1]');
  });

  it.each([
    ['German, printed', 'DE89 3704 0044 0532 0130 00'],
    ['Spanish, compact', 'ES9121000418450200051332'],
    ['British', 'GB82 WEST 1234 5698 7654 32'],
    ['French, lower case', 'fr1420041010050500013m02606'],
  ])('replaces an IBAN (%s)', (_what, iban) => {
    expect(roundTrip(`Refund to ${iban} please`)).toBe('Refund to [IBAN_1] please');
  });

  it('leaves IBANs with wrong check digits or a wrong length, and no part of them becomes a phone or card', () => {
    const vault = new PiiVault();
    for (const text of [
      'Refund to DE88 3704 0044 0532 0130 00',
      'Refund to ES9221000418450200051332',
      'Refund to DE89 3704 0044 0532 0130 0012',
    ]) {
      expect(vault.redact(text)).toBe(text);
    }
    expect(vault.size).toBe(0);
  });

  it.each([
    ['a US SSN', '512-44-7781'],
    ['a UK National Insurance number', 'JG 10 37 42 B'],
    ['a compact NI number', 'AB123456C'],
    ['a Spanish DNI', '12345678Z'],
    ['a Spanish DNI with dash', '12345678-Z'],
    ['a Spanish NIE', 'X1234567L'],
  ])('replaces %s', (_what, id) => {
    expect(roundTrip(`My id is ${id}.`)).toBe('My id is [NATIONAL_ID_1].');
  });

  it.each([
    ['SSN area 000', '000-12-3456'],
    ['SSN area 666', '666-12-3456'],
    ['SSN area 9xx', '912-12-3456'],
    ['SSN group 00', '512-00-3456'],
    ['NI prefix never issued', 'QQ 12 34 56 C'],
    ['NI prefix GB', 'GB123456A'],
    ['DNI with a wrong letter', '12345678A'],
  ])('leaves an invalid id (%s)', (_what, id) => {
    const vault = new PiiVault();
    expect(vault.redact(`My id is ${id}.`)).toBe(`My id is ${id}.`);
  });

  it.each([
    ['221B Baker Street'],
    ['1600 Amphitheatre Pkwy'],
    ['10 Downing St'],
    ['Calle Mayor 5'],
    ['Avenida de la Constitución, 12'],
    ['C/ Gran Vía 28'],
    ['Hauptstraße 12'],
    ['Berliner Straße 5a'],
    ['Lindenweg 7'],
    ['12 rue de la Paix'],
    ['5 bis avenue Victor Hugo'],
  ])('replaces the street address %s', (address) => {
    expect(roundTrip(`Ship it to ${address}, thanks.`)).toBe('Ship it to [ADDRESS_1], thanks.');
  });

  it('leaves a sentence-final period outside an address', () => {
    expect(roundTrip('Deliver to 12 rue de la Paix.')).toBe('Deliver to [ADDRESS_1].');
  });

  it('does not take ordinary numbered phrases for addresses', () => {
    const text = 'I bought 2 tickets on the way home, seat Sitzplatz 12, and took 3 cours de yoga at the place.';
    expect(roundTrip(text)).toBe(text);
  });

  it('leaves text without personal data unchanged', () => {
    const text = 'Hi! My tent pole snapped after two trips. Can I get a replacement under warranty? Order #1042, 129.99 EUR.';
    const vault = new PiiVault();
    expect(vault.redact(text)).toBe(text);
    expect(vault.size).toBe(0);
  });

  it('leaves placeholders already in a text alone, so redacting twice changes nothing', () => {
    const vault = new PiiVault();
    vault.redactName('Email Smith');
    const once = vault.redact('From Email Smith <email.smith@example.com>, +44 20 7946 0958');
    expect(once).toBe('From [NAME_1] <[EMAIL_1]>, [PHONE_1]');
    expect(vault.redact(once)).toBe(once);
  });
});

describe('PiiVault.redactName', () => {
  it('replaces the known name and its words in texts redacted afterwards', () => {
    const vault = new PiiVault();
    expect(vault.redactName('María García')).toBe('[NAME_1]');
    const redacted = vault.redact('Hola, soy maria garcia. Saludos, María — MARIA GARCÍA');
    expect(redacted).toBe('Hola, soy [NAME_1]. Saludos, [NAME_2] — [NAME_1]');
    expect(vault.restore(redacted)).toBe('Hola, soy María García. Saludos, María — María García');
  });

  it('gives the same name the same placeholder when called again', () => {
    const vault = new PiiVault();
    expect(vault.redactName('Jean-Luc Martin')).toBe('[NAME_1]');
    expect(vault.redactName(' jean-luc  martin ')).toBe('[NAME_1]');
    expect(vault.redact('Bonjour, Jean-Luc ici')).toBe('Bonjour, [NAME_2] ici');
  });

  it('replaces a single word of a name only where it is capitalised', () => {
    const vault = new PiiVault();
    vault.redactName('Will Rose');
    expect(vault.redact('Will said it will arrive with a rose')).toBe('[NAME_2] said it will arrive with a rose');
  });

  it('does not treat particles and titles as names', () => {
    const vault = new PiiVault();
    vault.redactName('Ana de la Torre');
    expect(vault.redact('Torre de Madrid, la tienda de Ana')).toBe('[NAME_2] de Madrid, la tienda de [NAME_3]');
  });

  it('treats a display name that is an email as an email', () => {
    const vault = new PiiVault();
    expect(vault.redactName('kim@example.net')).toBe('[EMAIL_1]');
    expect(vault.redact('I am kim@example.net')).toBe('I am [EMAIL_1]');
  });

  it('does not touch texts redacted before the name was known', () => {
    const vault = new PiiVault();
    expect(vault.redact('Lena said so')).toBe('Lena said so');
    vault.redactName('Lena Park');
    expect(vault.redact('Lena said so')).toBe('[NAME_2] said so');
  });

  it('leaves an empty name as it is', () => {
    const vault = new PiiVault();
    expect(vault.redactName('  ')).toBe('  ');
    expect(vault.size).toBe(0);
  });
});

describe('PiiVault.restore', () => {
  const vault = new PiiVault();
  vault.redactName('Lena Park');
  vault.redact('lena@example.org, +44 20 7946 0958, DE89 3704 0044 0532 0130 00');

  it('restores every occurrence exactly', () => {
    expect(vault.restore('Hi [NAME_1], we wrote to [EMAIL_1] ([EMAIL_1]) and will call [PHONE_1]. Refund to [IBAN_1].')).toBe(
      'Hi Lena Park, we wrote to lena@example.org (lena@example.org) and will call +44 20 7946 0958. Refund to DE89 3704 0044 0532 0130 00.',
    );
  });

  it('leaves unknown and malformed placeholders unchanged', () => {
    const text = '[EMAIL_7] [CARD_1] [email_1] [EMAIL 1] [EMAIL_] [PASSWORD_1] [EMAIL_1';
    expect(vault.restore(text)).toBe(text);
  });
});

describe('createStreamingRestorer', () => {
  const vault = new PiiVault();
  vault.redactName('Lena Park');
  vault.redact('lena@example.org and 4111 1111 1111 1111 and ' + Array.from({ length: 12 }, (_, i) => `p${i}@x.io`).join(' '));
  const draft = 'Hi [NAME_1], [EMAIL_1] [[EMAIL_12]] [CARD_1]! [EMAIL_99] [ok] [NAME_';
  const expected = vault.restore(draft);

  function stream(chunks: readonly string[]): string {
    const restorer = createStreamingRestorer(vault);
    return chunks.map((c) => restorer.push(c)).join('') + restorer.flush();
  }

  it('restores the whole text when it comes in one chunk', () => {
    expect(expected).toBe('Hi Lena Park, lena@example.org [p10@x.io] 4111 1111 1111 1111! [EMAIL_99] [ok] [NAME_');
    expect(stream([draft])).toBe(expected);
  });

  it('restores placeholders split at every chunk boundary', () => {
    for (let i = 0; i <= draft.length; i++) expect(stream([draft.slice(0, i), draft.slice(i)])).toBe(expected);
  });

  it('restores placeholders split over any three chunks', () => {
    for (let i = 0; i <= draft.length; i++) {
      for (let j = i; j <= draft.length; j++) expect(stream([draft.slice(0, i), draft.slice(i, j), draft.slice(j)])).toBe(expected);
    }
  });

  it('restores a stream of single characters', () => {
    expect(stream([...draft])).toBe(expected);
  });

  it('holds back only a possible placeholder start', () => {
    const restorer = createStreamingRestorer(vault);
    expect(restorer.push('Dear [NA')).toBe('Dear ');
    expect(restorer.push('ME_1')).toBe('');
    expect(restorer.push('], see [')).toBe('Lena Park, see ');
    expect(restorer.push('1] and [x')).toBe('[1] and [x');
    expect(restorer.push(' [CARD_1')).toBe(' ');
    expect(restorer.flush()).toBe('[CARD_1');
  });

  it('waits for the digits to end before restoring', () => {
    const restorer = createStreamingRestorer(vault);
    expect(restorer.push('[EMAIL_1')).toBe('');
    expect(restorer.push('2]')).toBe('p10@x.io');
  });
});

describe('PiiVault.redact, spellings that used to slip through (issue 13)', () => {
  it.each([
    ['dots', '4526.0181.5908.3012'],
    ['full-width digits', '４５２６ ０１８１ ５９０８ ３０１２'],
    ['zero-width characters inside', '4526\u200b0181\u2060590\u200c8\ufeff3012'],
    ['a soft hyphen and no-break spaces', '4526\u00a00181\u00a05908\u00ad\u00a03012'],
    ['two halves', '45260181 59083012'],
  ])('replaces a card written with %s', (_what, card) => {
    const vault = new PiiVault();
    expect(vault.redact(`Charged to ${card}, please check`)).toBe('Charged to [CARD_1], please check');
    expect(vault.restore('[CARD_1]')).toMatch(/^4526/);
  });

  it('takes any grouping of a card the text announces', () => {
    expect(new PiiVault().redact('my Visa card is 452 601 815 908 3012')).toBe('my Visa card is [CARD_1]');
    expect(new PiiVault().redact('reference 452 601 815 908 3012')).toBe('reference 452 601 815 908 3012');
  });

  it.each([
    ['en', 'Card 4526 0181 5908 3012, expiry 09/27, CVV 381.', 'Card [CARD_1], expiry [EXPIRY_1], CVV [CVV_1].'],
    ['en, right after the card', 'Card 4526 0181 5908 3012 09/27 381 thanks', 'Card [CARD_1] [EXPIRY_1] [CVV_1] thanks'],
    [
      'es',
      'Tarjeta 4526 0181 5908 3012, caduca el 08/27, código de seguridad (447).',
      'Tarjeta [CARD_1], caduca el [EXPIRY_1], código de seguridad ([CVV_1]).',
    ],
    [
      'de',
      'Kreditkarte 4526 0181 5908 3012, gültig bis 10/2027, Prüfnummer 206.',
      'Kreditkarte [CARD_1], gültig bis [EXPIRY_1], Prüfnummer [CVV_1].',
    ],
    ['fr', 'Carte 4526 0181 5908 3012, expire 06/28, cryptogramme 559.', 'Carte [CARD_1], expire [EXPIRY_1], cryptogramme [CVV_1].'],
    [
      'pt',
      'Cartão 4526 0181 5908 3012, validade 05/29, código de segurança 318.',
      'Cartão [CARD_1], validade [EXPIRY_1], código de segurança [CVV_1].',
    ],
    ['a CVV without a card', 'The site asked for the CVV twice (913).', 'The site asked for the CVV twice ([CVV_1]).'],
  ])('replaces the expiry and CVV beside a card (%s)', (_what, text, expected) => {
    expect(roundTrip(text)).toBe(expected);
  });

  it('leaves dates and amounts near a card that are not its expiry or code', () => {
    expect(new PiiVault().redact('Card 4526 0181 5908 3012 charged on 12/03 for 249 EUR, 3 items.')).toBe(
      'Card [CARD_1] charged on 12/03 for 249 EUR, 3 items.',
    );
  });

  it.each([
    ['an apostrophe', "sean.o'brien@example.ie"],
    ['a leading apostrophe name', "d'souza.rhea@example.com"],
    ['a quoted local part', '"front desk"@example.com'],
    ['a plus tag', 'kai+orders@mail.example.org'],
    ['international letters', 'jürgen.müller@beispiel.de'],
    ['brackets instead of @ and dots', 'jo.hansen [at] example [dot] com'],
  ])('replaces a whole e-mail address with %s, never half of it', (_what, email) => {
    expect(roundTrip(`Write to ${email} today`)).toBe('Write to [EMAIL_1] today');
  });

  it('keeps the quotes around a quoted address outside it', () => {
    expect(roundTrip("mail='bob@example.com'")).toBe("mail='[EMAIL_1]'");
  });

  it.each([['+33 (0)6 98 76 54 32'], ['+55 (11) 91234-5678'], ['+52 1 55 1234 5678'], ['+1.646.555.0122'], ['(11) 98765-4321']])(
    'replaces the phone number %s',
    (phone) => {
      expect(roundTrip(`Call ${phone} today`)).toBe('Call [PHONE_1] today');
    },
  );

  it('leaves codes and long numbers that hold phone-shaped digits', () => {
    const text =
      'Refs PED-2025-1187 and F-2025/0098, tracking 1Z 999 AA1 01 2345 6784, package 9400 1118 9922 3344 5566 77, NF 000.123.456';
    expect(new PiiVault().redact(text)).toBe(text);
  });

  it.each([
    ['a Brazilian CPF', '499.207.074-49'],
    ['a French NIR', '2 87 02 47 948 439 53'],
    ['an Italian codice fiscale', 'RSSMRA85T10A562S'],
    ['a Portuguese NIF', 'NIF 153776021'],
    ['a passport number', 'passport number X1234567'],
  ])('replaces %s', (_what, id) => {
    expect(new PiiVault().redact(`For the invoice: ${id}.`)).toMatch(/\[NATIONAL_ID_1\]\.$/);
  });

  it('leaves a CPF-shaped number with wrong check digits and an unannounced NIF', () => {
    const text = 'Order 499.207.074-48, ref 153776021.';
    expect(new PiiVault().redact(text)).toBe(text);
  });

  it.each([['Rua das Flores, 123'], ['Avenida Paulista, 1578'], ['Travessa do Carmo 4']])('replaces the street address %s', (address) => {
    expect(roundTrip(`Enviem para ${address}, obrigado.`)).toBe('Enviem para [ADDRESS_1], obrigado.');
  });

  it('hides a name a message introduces or signs with wherever it appears, after learnNames', () => {
    const vault = new PiiVault();
    vault.learnNames('Thanks for the help.\n\nBest,\nMegan Foley');
    expect(vault.redact('Megan wrote again; Ms. Foley is waiting.')).toBe('[NAME_1] wrote again; Ms. [NAME_2] is waiting.');
    expect(vault.redact('Best,\nMegan Foley')).toBe('Best,\n[NAME_3]');
    expect(vault.restore('[NAME_3]')).toBe('Megan Foley');
  });

  it('redacts the normalised text: invisible characters cannot split a value, and the model never sees them', () => {
    const vault = new PiiVault();
    expect(vault.redact('mail: ana\u200b.perez@exam\u00adple.com\u202e')).toBe('mail: [EMAIL_1]');
    expect(vault.restore('[EMAIL_1]')).toBe('ana.perez@example.com');
  });

  it('restores the new kinds in a stream too', () => {
    const vault = new PiiVault();
    vault.redact('Card 4526 0181 5908 3012, exp 09/27, CVV 381');
    const restorer = createStreamingRestorer(vault);
    const out =
      ['Your card [CA', 'RD_1] (expiry [EXPI', 'RY_1], code [CVV', '_1])'].map((c) => restorer.push(c)).join('') + restorer.flush();
    expect(out).toBe('Your card 4526 0181 5908 3012 (expiry 09/27, code 381)');
  });

  it('redacts a long hostile text in time linear in its length', () => {
    const make = (n: number): string =>
      'My name is Anna Lopez. Card 4111 1111 1111 1111 exp 09/27 cvv 123, call +44 20 7946 0958, mail x@y.com, Calle Mayor 5. Thanks,\nAnna\n'.repeat(
        n,
      );
    new PiiVault().redact(make(20));
    const small = make(20);
    const large = make(200);
    expect(fastestCpuMs(() => new PiiVault().redact(large))).toBeLessThan(
      Math.max(30 * fastestCpuMs(() => new PiiVault().redact(small)), 500),
    );
  });
});
