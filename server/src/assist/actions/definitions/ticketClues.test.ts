// What prefills can read from a ticket: order references, emails, names, zip codes and requests.
import { describe, expect, it } from 'vitest';
import { actionContext, liveState } from '../../../testing/actionContexts.js';
import { INTENT, ORDER_CHANGE, customerEmail, customerName, mentionsOrder, readTicket } from './ticketClues.js';
import { fastestCpuMs } from '../../../testing/cpuTime.js';

describe('readTicket', () => {
  it('finds demo-shop order ids with or without #, in any case, once each', () => {
    const clues = readTicket(
      actionContext({
        subject: 'Order #W2378156 late',
        customerSays: ['Is w2378156 shipped? Also W1000001,#W1000002.', 'ref: XW1234567 is not an order'],
      }),
    );
    expect(clues.storeOrderIds).toEqual(['W2378156', 'W1000001', 'W1000002']);
  });

  it('finds plain order numbers written as #1042 or "order 1042", in a few languages', () => {
    const clues = readTicket(
      actionContext({
        subject: 'Refund for #1042',
        customerSays: ['My order number: 1043 arrived broken', 'Ma commande n° 1044', 'Bestellung 1045', 'see &#1234; and call 555-0100'],
      }),
    );
    expect(clues.orderNumbers).toEqual(['1042', '1043', '1044', '1045']);
  });

  it('does not mistake zip codes, prices or phone numbers for orders', () => {
    const clues = readTicket(
      actionContext({ subject: 'Wrong charge', customerSays: 'I paid 129.00 at 97214 Portland, call 503 555 0199' }),
    );
    expect(clues.orderNumbers).toEqual([]);
    expect(clues.storeOrderIds).toEqual([]);
  });

  it('reads emails and a zip code from the customer, not from agents', () => {
    const ctx = actionContext({
      subject: 'Account',
      messages: [{ authorRole: 'agent', body: 'Write to billing@shop.example' }],
      customerSays: 'Use Mei.Sato@Example.org please, my zip code is 97214',
    });
    const clues = readTicket(ctx);
    expect(clues.emails).toEqual(['mei.sato@example.org']);
    expect(clues.zip).toBe('97214');
  });

  it.each([
    ['a US address line', 'Ship to 12 Elm St, Portland, OR 97214 please', '97214'],
    ['a state code and a zip+4', 'I am in Houston TX, 77004-1234', '77004'],
    ['where the customer lives', 'I live in Denver, 80273 and never got it', '80273'],
    ['Spanish', 'Mi código postal es 28013', '28013'],
    ['French', 'Code postal : 75011', '75011'],
    ['German', 'Meine PLZ ist 10115', '10115'],
  ] as const)('reads a zip code from %s', (_, said, zip) => {
    expect(readTicket(actionContext({ subject: 'Account', customerSays: said })).zip).toBe(zip);
  });

  it('prefers a zip the customer names as one, and takes no house number, order number or move', () => {
    expect(readTicket(actionContext({ customerSays: 'I live in Denver CO 80239, zip code 80202 for billing' })).zip).toBe('80202');
    for (const said of [
      'I live in 12345 Sunset Boulevard',
      'Order #10452 never came, I live in Ohio',
      'I moved from Florida (32169) to Phoenix (85033)',
      'Please CALL 555-0100',
    ]) {
      expect(readTicket(actionContext({ customerSays: said })).zip, said).toBeUndefined();
    }
  });

  it('reads the name the customer gives, in en/es/fr/de, only as capitalised words', () => {
    const stated = (said: string) => readTicket(actionContext({ customerSays: said })).statedName;
    expect(stated('Hi, my name is Ana Teixeira and my parcel is late')).toBe('Ana Teixeira');
    expect(stated('Hola, me llamo José Luis García.')).toBe('José Luis García');
    expect(stated("Bonjour, je m'appelle Chloé Martin")).toBe('Chloé Martin');
    expect(stated('Hallo, ich heiße Jörg Müller')).toBe('Jörg Müller');
    expect(stated('my name is on the order')).toBeUndefined();
    expect(stated('My name is Ana')).toBeUndefined();
  });

  it('reads a long run of address characters in time linear in its length (an e-mail pattern once rescanned it from every position)', () => {
    const timed = (chars: number): number => {
      const said = `${'a'.repeat(chars)} write to ana@example.org`;
      expect(readTicket(actionContext({ customerSays: said })).emails).toEqual(['ana@example.org']);
      return fastestCpuMs(() => readTicket(actionContext({ customerSays: said })), 3, 0.05);
    };
    timed(1000);
    // 16× the input: linear stays near 16× the time, quadratic was ~256×; the bound leaves room for a noisy machine.
    const ratio = timed(16_000) / Math.max(timed(1_000), 0.05);
    expect(ratio).toBeLessThan(80);
  });

  it('ignores messages whose author is unknown', () => {
    const clues = readTicket(actionContext({ subject: 's', messages: [{ authorRole: 'unknown', body: 'Merged from #W9999999' }] }));
    expect(clues.storeOrderIds).toEqual([]);
  });
});

describe('customerEmail and customerName', () => {
  it('prefer the requester, then the live customer, then an email the customer wrote', () => {
    expect(customerEmail(actionContext({ requester: { email: 'a@example.com' }, customerSays: 'b@example.com' }))).toBe('a@example.com');
    expect(customerEmail(actionContext({ customerSays: 'b@example.com' }, liveState({ customer: { email: 'c@example.com' } })))).toBe(
      'c@example.com',
    );
    expect(customerEmail(actionContext({ customerSays: 'write to b@example.com' }))).toBe('b@example.com');
    expect(customerEmail(actionContext({}))).toBeUndefined();
  });

  it('split a full name (the requester’s before one the customer wrote) and refuse a single word or an email as a name', () => {
    expect(customerName(actionContext({ requester: { name: 'Ana María Teixeira' } }))).toEqual({
      firstName: 'Ana',
      lastName: 'María Teixeira',
    });
    expect(customerName(actionContext({ requester: { name: 'Ana' } }))).toBeUndefined();
    expect(customerName(actionContext({ customerSays: 'My name is Mei Sato' }))).toEqual({ firstName: 'Mei', lastName: 'Sato' });
    expect(customerName(actionContext({ requester: { name: 'Li Wei' }, customerSays: 'My name is Mei Sato' }))).toEqual({
      firstName: 'Li',
      lastName: 'Wei',
    });
    expect(customerName(actionContext({ requester: { name: 'ana@example.com' } }))).toBeUndefined();
  });
});

describe('INTENT', () => {
  it.each([
    ['cancel', 'Please cancel my order', 'Where is my order?'],
    ['refund', 'I was charged twice', 'Thanks, all good'],
    ['return', 'I want to send them back', 'They fit well'],
    ['exchange', 'Can I get a different size?', 'Love the colour'],
    ['address', 'Please ship it to my new address', 'When will it arrive?'],
    ['human', 'Let me speak to a manager', 'ok'],
    ['meeting', 'Could we schedule a call?', 'Email is fine'],
  ] as const)('%s matches a request and not an unrelated message', (intent, yes, no) => {
    expect(INTENT[intent].test(yes)).toBe(true);
    expect(INTENT[intent].test(no)).toBe(false);
  });
});

describe('ORDER_CHANGE', () => {
  it.each([
    ['cancel', 'Please cancel it', 'It was cancelled already'],
    ['return', 'Can I return these boots?', 'What is the return policy?'],
    ['exchange', "J'aimerais échanger la veste", 'What is the exchange rate?'],
    ['changeItems', 'Die Größe bitte ändern', 'The size is fine'],
    ['address', 'Please update the shipping address', 'My email address is a@example.com'],
  ] as const)('%s takes a clear request and not a passing mention', (change, yes, no) => {
    expect(ORDER_CHANGE[change].test(yes)).toBe(true);
    expect(ORDER_CHANGE[change].test(no)).toBe(false);
  });

  it('tells an order from the account in a few languages', () => {
    for (const said of ['my order', 'el envío', 'ma commande', 'die Lieferung']) expect(mentionsOrder(said), said).toBe(true);
    expect(mentionsOrder('my account and profile')).toBe(false);
  });
});
