/**
 * Generated redaction samples: seed sentences we wrote, each filled with planted values in every
 * spelling the redactor must catch (card groupings, widths and invisible characters; expiry and
 * CVV beside a card; quoted and apostrophe e-mails; international phone formats; printed and
 * compact IBANs; national ids; names in introductions, greetings and sign-offs) next to PII-free
 * look-alikes. Deterministic: the same seed gives the same samples, in the corpus markup
 * (README.md), so they split and score like the hand-written ones.
 */

/** A seed sentence: `{slot}` is filled from the pool of that name. */
interface Seed {
  lang: 'en' | 'es' | 'de' | 'fr' | 'pt';
  text: string;
}

const SEEDS: readonly Seed[] = [
  { lang: 'en', text: 'Please refund order {order} to the card {card}, it expires {expiry} and the CVV is {cvv}.' },
  { lang: 'en', text: 'I was charged {price} twice on {card}. My email is {email}, phone {phone}.' },
  { lang: 'en', text: 'Hi, my name is {name}. The package {tracking} never arrived and I paid {price}.' },
  { lang: 'en', text: "I'm {name}, could you send the invoice {invoice} to {email}? Thanks!" },
  { lang: 'en', text: 'Card number: {card}\nExp: {expiry}\nSecurity code: {cvv}\nOrder: {order}' },
  { lang: 'en', text: 'Refund to IBAN {iban} please, not to the card. Amount {price}, ordered on {date}.' },
  { lang: 'en', text: 'The item {sku} arrived broken.\n\nBest regards,\n{name}' },
  { lang: 'en', text: 'Hi {first},\n\nyour replacement for order {order} ships on {date}.\n\nCheers,\n{agent}' },
  { lang: 'en', text: 'Call me on {phone} after {time}, or text {phone2}. Ticket {ticket}.' },
  { lang: 'es', text: 'Hola, me llamo {name}. Mi tarjeta {card} caduca el {expiry}, CVV {cvv}. Pedido {order}.' },
  { lang: 'es', text: 'Devolvedme el importe ({price}) al IBAN {iban}. Mi correo es {email}.' },
  { lang: 'es', text: 'El paquete {tracking} no llega.\n\nUn saludo,\n{name}' },
  { lang: 'es', text: 'Soy {name}, llamadme al {phone}. La referencia es {sku}.' },
  { lang: 'de', text: 'Hallo, ich heiße {name}. Karte {card}, gültig bis {expiry}, Prüfnummer {cvv}. Bestellung {order}.' },
  { lang: 'de', text: 'Bitte erstatten Sie {price} auf {iban}. Erreichbar unter {phone}.' },
  { lang: 'de', text: 'Die Lieferung {tracking} vom {date} fehlt.\n\nViele Grüße\n{name}' },
  { lang: 'fr', text: "Bonjour, je m'appelle {name}. Carte {card}, expire {expiry}, cryptogramme {cvv}. Commande {order}." },
  { lang: 'fr', text: 'Remboursez {price} sur {iban} svp. Mon e-mail : {email}, tél. {phone}.' },
  { lang: 'fr', text: 'Le colis {tracking} est en retard.\n\nCordialement,\n{name}' },
  { lang: 'pt', text: 'Olá, meu nome é {name}. Cartão {card}, validade {expiry}, CVV {cvv}. Pedido {order}.' },
  { lang: 'pt', text: 'Reembolsem {price} no IBAN {iban}. Meu e-mail é {email} e o celular {phone}.' },
  { lang: 'pt', text: 'A encomenda {tracking} não chegou.\n\nObrigada,\n{name}' },
];

/** Valid (checksum-passing) but made-up card numbers. */
const CARD_DIGITS = [
  '4526018159083012', '4661318609139090', '4960308246281940', '4821993518190934', '4786579754323199', '4487574911862520',
  '4760189555979718', '4147104974650752', '4291703423667129', '4768426846563212', '5122330792440268', '5285995289078665',
  '5366176031372159', '5490109281590138', '5596245957117773', '2221741215472802', '2720385280841487', '6011379907511630',
  '6572651676122208', '3528297299752880', '6234839548620570',
]; // prettier-ignore
const AMEX_DIGITS = ['345253888539334', '376338750047433', '379575513137350'];

const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad'];

type Random = () => number;

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function mulberry32(seed: number): Random {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const fullWidth = (text: string): string => text.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));

/** Every spelling of a card number the redactor must catch. */
function cardSpelling(random: Random): string {
  if (random() < 0.15) {
    const d = pick(random, AMEX_DIGITS);
    const sep = pick(random, [' ', '-', '']);
    return [d.slice(0, 4), d.slice(4, 10), d.slice(10)].join(sep);
  }
  const d = pick(random, CARD_DIGITS);
  const groups = [d.slice(0, 4), d.slice(4, 8), d.slice(8, 12), d.slice(12)];
  const style = Math.floor(random() * 8);
  switch (style) {
    case 0:
      return groups.join(' ');
    case 1:
      return groups.join('-');
    case 2:
      return groups.join('.');
    case 3:
      return d;
    case 4:
      return fullWidth(groups.join(pick(random, [' ', '', '-'])));
    case 5:
      // Zero-width and other invisible characters inside the number, between and within groups.
      return [...d].map((ch, i) => (i > 0 && random() < 0.3 ? pick(random, INVISIBLE) : '') + ch).join('');
    case 6:
      return groups.join('\u00a0');
    default:
      return `${d.slice(0, 8)} ${d.slice(8)}`;
  }
}

function expirySpelling(random: Random): string {
  const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
  const year = 26 + Math.floor(random() * 6);
  return pick(random, [`${month}/${year}`, `${month}/20${year}`, `${month}-${year}`, `${month} / ${year}`]);
}

const cvvSpelling = (random: Random): string =>
  String(random() < 0.2 ? 1000 + Math.floor(random() * 9000) : 100 + Math.floor(random() * 900));

const LOCAL_PARTS = [
  'mara.lind',
  'j.okoye',
  "sean.o'neill",
  "d'souza.rhea",
  'kai+orders',
  '"lena berg"',
  '"front desk"',
  'TOM.HUNT',
  'p_nguyen',
  'ana-luisa',
];
const DOMAINS = ['example.com', 'mail.example.org', 'example.co.uk', 'beispiel.de', 'exemplo.com.br', 'correo.es', 'exemple.fr'];

const emailSpelling = (random: Random): string => `${pick(random, LOCAL_PARTS)}@${pick(random, DOMAINS)}`;

const PHONES = [
  '+1 415 555 0134', '+1 (212) 555-0199', '+1-646-555-0102', '+1.305.555.0177', '+44 7700 900123', '+44 (0)20 7946 0018',
  '+33 6 12 34 56 78', '+33 (0)6 98 76 54 32', '+49 151 2345 6789', '+49 (0)30 2345678', '+34 612 345 678', '+34 91 123 45 67',
  '+351 912 345 678', '+55 (11) 91234-5678', '+55 21 2345-6789', '0044 20 7946 0958', '0034 612 345 678', '+52 1 55 1234 5678',
  '+61 4 1234 5678', '+353 87 123 4567', '+31 6 1234 5678', '+39 347 123 4567', '+4915112345678', '(0)151 23456789',
]; // prettier-ignore

const IBANS = [
  'DE20989834788783848372', 'ES7177065894811311440242', 'GB37NWBK41705864920831', 'NL98ABNA2402344834', 'PT02828890931002516780083',
  'BE04934072247045', 'AT075853043520561748', 'CH5833801412690604431', 'IE42AIBK98296572492086', 'FR4174071881817414333776174',
]; // prettier-ignore

function ibanSpelling(random: Random): string {
  const iban = pick(random, IBANS);
  const printed = iban.replace(/(.{4})(?=.)/g, '$1 ');
  return pick(random, [printed, iban, iban.toLowerCase(), printed.replace(/ /g, '\u00a0')]);
}

const FIRST_NAMES = ['Mara', 'Joseph', 'Ingrid', 'Tobias', 'Leonor', 'Rafael', 'Aiko', 'Bruno', 'Clara', 'Dmitri', 'Esther', 'Gonzalo'];
const LAST_NAMES = ['Lindgren', 'Okoye', 'Halvorsen', 'Brenner', 'Quintero', 'Sousa', 'Yamada', 'Castellano', 'Fairweather', 'Novak'];

const nameSpelling = (random: Random): string =>
  random() < 0.25 ? pick(random, FIRST_NAMES) : `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)}`;

/** PII-free values that look like PII: order and tracking numbers, prices, dates, SKUs, invoices, times. */
const LOOK_ALIKES: Readonly<Record<string, readonly string[]>> = {
  order: ['#10428', '#2231', 'A-77120', 'ORD-2025-00871', '112-4471120-5567012', 'no. 88120', '#4111111111111112'],
  tracking: ['1Z999AA10123456784', '9400 1118 9922 3344 5566 77', 'JD014600006281234567', 'LX123456789DE', '7489 1234 5678 9012'],
  price: ['$249.00', '€1.299,00', '1 299,00 €', '£89.90', 'R$ 1.249,90', '129.99 EUR', 'USD 4,500.00'],
  date: ['2025-11-14', '14.03.2025', '03/04/2025', 'March 3, 2025', '2025/06/01'],
  sku: ['SKU TR-2231-BLK-42', 'REF-778-AZ', '4711-0815', 'HM-220-RED', 'ART 55-1290-XL'],
  invoice: ['INV-2025-0412', 'F-2025/0098', 'RE-2025-00412', 'NF 000.123.456'],
  time: ['14:30', '9am', '18h', '08:00-17:00'],
  ticket: ['#48213', 'T-99120', 'CASE-00412877'],
};

const PLANTED: Readonly<Record<string, { kind: string; spell: (random: Random) => string }>> = {
  card: { kind: 'CARD', spell: cardSpelling },
  expiry: { kind: 'EXPIRY', spell: expirySpelling },
  cvv: { kind: 'CVV', spell: cvvSpelling },
  email: { kind: 'EMAIL', spell: emailSpelling },
  phone: { kind: 'PHONE', spell: (random) => pick(random, PHONES) },
  phone2: { kind: 'PHONE', spell: (random) => pick(random, PHONES) },
  iban: { kind: 'IBAN', spell: ibanSpelling },
  name: { kind: 'NAME', spell: nameSpelling },
  first: { kind: 'NAME', spell: (random) => pick(random, FIRST_NAMES) },
  agent: { kind: 'NAME', spell: nameSpelling },
};

/** Writes `\u{…}` for invisible characters, as the corpus file does, so the markup stays readable. */
function escapeInvisible(text: string): string {
  return text.replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, (ch) => `\\u{${(ch.codePointAt(0) ?? 0).toString(16)}}`);
}

export interface GeneratedSample {
  id: string;
  lang: string;
  /** In the corpus markup. */
  marked: string;
}

/** `count` samples, cycling through the seeds. */
export function spellingVariants(count: number, seed = 13): GeneratedSample[] {
  const random = mulberry32(seed);
  const samples: GeneratedSample[] = [];
  for (let i = 0; i < count; i++) {
    const template = SEEDS[i % SEEDS.length] as Seed;
    const marked = template.text.replace(/\{(\w+)\}/g, (_slot, name: string) => {
      const planted = PLANTED[name];
      if (planted !== undefined) return `{{${planted.kind}|${escapeInvisible(planted.spell(random))}}}`;
      const looks = LOOK_ALIKES[name];
      if (looks === undefined) throw new Error(`seed slot {${name}} has no pool`);
      return `{{~|${pick(random, looks)}}}`;
    });
    samples.push({ id: `gen-${String(i).padStart(3, '0')}`, lang: template.lang, marked });
  }
  return samples;
}
