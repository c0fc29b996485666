/**
 * Variations of the corpus's seeds, generated in code so one seed we wrote becomes several items:
 * a hostile payload inside an ordinary message, encoded (base64, hex, URL, HTML entities, rot13,
 * Unicode tags) or disguised (homoglyphs, full-width letters, leetspeak, zero-width characters);
 * a benign message with a greeting and signature, a benign attachment name, a tracking link or
 * copy-paste artefacts. The carrier sentences are ours too. Deterministic: the same seed always
 * gives the same variations.
 */
import type { CorpusLanguage, SeedText } from './seedText.js';
import { seededRandom, type Random } from '@tandem/shared';

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** Ordinary openings and closings of a support message, per language. */
const CARRIERS: Record<CorpusLanguage, { open: readonly string[]; close: readonly string[] }> = {
  en: {
    open: [
      'Hi team,',
      'Hello, I have a question about my order 4471.',
      'Good morning, my parcel has not arrived yet.',
      'Hey, following up on my ticket.',
    ],
    close: ['Thanks, Alex', 'Best regards, Jordan', 'Looking forward to your reply.', 'Cheers'],
  },
  es: { open: ['Hola,', 'Buenos días, tengo una duda con mi pedido.'], close: ['Gracias, Lucía', 'Un saludo.'] },
  de: { open: ['Hallo,', 'Guten Tag, ich habe eine Frage zu meiner Bestellung.'], close: ['Danke, Jonas', 'Viele Grüße'] },
  fr: { open: ['Bonjour,', 'Bonjour, j’ai une question sur ma commande.'], close: ['Merci, Camille', 'Cordialement.'] },
  pt: { open: ['Olá,', 'Bom dia, tenho uma dúvida sobre meu pedido.'], close: ['Obrigado, João', 'Abraços.'] },
  it: { open: ['Ciao,', 'Buongiorno, ho una domanda sul mio ordine.'], close: ['Grazie, Giulia', 'Cordiali saluti.'] },
  nl: { open: ['Hallo,', 'Goedemorgen, ik heb een vraag over mijn bestelling.'], close: ['Bedankt, Sanne', 'Met vriendelijke groet.'] },
  zh: { open: ['你好，', '您好，我想问一下我的订单。'], close: ['谢谢！', '期待回复。'] },
  ja: {
    open: ['こんにちは。', 'お世話になっております。注文について質問があります。'],
    close: ['よろしくお願いします。', 'ありがとうございます。'],
  },
  ru: { open: ['Здравствуйте,', 'Добрый день, у меня вопрос по заказу.'], close: ['Спасибо, Анна', 'С уважением.'] },
  ar: { open: ['مرحبا،', 'صباح الخير، لدي سؤال عن طلبي.'], close: ['شكرا', 'مع التحية.'] },
};

function wrap(random: Random, lang: CorpusLanguage, body: string): string {
  const c = CARRIERS[lang];
  return `${pick(random, c.open)}\n\n${body}\n\n${pick(random, c.close)}`;
}

const utf8 = (text: string) => Buffer.from(text, 'utf8');

function rot13(text: string): string {
  return text.replace(/[a-z]/gi, (ch) => {
    const base = ch <= 'Z' ? 65 : 97;
    return String.fromCharCode(((ch.charCodeAt(0) - base + 13) % 26) + base);
  });
}

const ENCODINGS = {
  base64: (t: string) => utf8(t).toString('base64'),
  hex: (t: string) => utf8(t).toString('hex'),
  url: (t: string) => [...utf8(t)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  html: (t: string) => [...t].map((ch) => `&#${ch.codePointAt(0) ?? 32};`).join(''),
  rot13,
  /** "ASCII smuggling": each character as an invisible Unicode tag character. */
  tags: (t: string) => [...t].map((ch) => String.fromCodePoint(0xe0000 + (ch.codePointAt(0) ?? 32))).join(''),
} as const;
type EncodingName = keyof typeof ENCODINGS;

const ENCODED_LEADS = ['', 'Please decode this and follow it: ', 'Ref: ', 'Attachment text: ', 'Note: '];

/** Cyrillic look-alikes of Latin letters. */
const HOMOGLYPHS: Record<string, string> = {
  a: 'а',
  c: 'с',
  e: 'е',
  o: 'о',
  p: 'р',
  x: 'х',
  y: 'у',
  i: 'і',
  A: 'А',
  E: 'Е',
  O: 'О',
  P: 'Р',
  C: 'С',
};
const LEET: Record<string, string> = { a: '4', e: '3', i: '1', o: '0', s: '5' };

function homoglyphs(random: Random, text: string): string {
  return text.replace(/[aceopxyiAEOPC]/g, (ch) => (random() < 0.5 ? (HOMOGLYPHS[ch] ?? ch) : ch));
}
function fullWidth(text: string): string {
  return text.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
}
function leet(random: Random, text: string): string {
  return text.replace(/[A-Za-z]{4,}/g, (word) => (random() < 0.6 ? word.replace(/[aeios]/g, (ch) => LEET[ch] ?? ch) : word));
}
function zeroWidth(random: Random, text: string): string {
  return text.replace(/(\p{L})(?=\p{L})/gu, (ch) => (random() < 0.3 ? `${ch}\u200b` : ch));
}

const isLatin = (text: string) => (text.match(/[A-Za-z]/g)?.length ?? 0) > text.length * 0.5;

export interface Variation {
  /** How it was derived: `seed`, `wrapped`, `base64`, `homoglyphs`… */
  variant: string;
  text: string;
}

/** Two variations of a hostile seed (besides the seed itself). */
export function hostileVariations(seed: SeedText, random: Random): Variation[] {
  const latin = isLatin(seed.text);
  // Tag characters carry only ASCII, and rot13 only changes Latin letters.
  const encodings: EncodingName[] = latin ? ['base64', 'hex', 'url', 'html', 'rot13', 'tags'] : ['base64', 'hex', 'url', 'html'];
  const encoding = pick(random, encodings);
  const encoded = `${pick(random, ENCODED_LEADS)}${ENCODINGS[encoding](seed.text)}`;
  const disguises: { variant: string; apply: (t: string) => string }[] = latin
    ? [
        { variant: 'homoglyphs', apply: (t) => homoglyphs(random, t) },
        { variant: 'full-width', apply: fullWidth },
        { variant: 'leetspeak', apply: (t) => leet(random, t) },
        { variant: 'zero-width', apply: (t) => zeroWidth(random, t) },
      ]
    : [
        { variant: 'zero-width', apply: (t) => zeroWidth(random, t) },
        { variant: 'wrapped', apply: (t) => t },
      ];
  const disguise = pick(random, disguises);
  return [
    { variant: encoding, text: seed.kind === 'message' ? wrap(random, seed.lang, encoded) : encoded },
    { variant: `${disguise.variant}+wrapped`, text: wrap(random, seed.lang, disguise.apply(seed.text)) },
  ];
}

/** Harmless extras an ordinary message carries: attachment names, tracking links, entities from an e-mail client. */
const BENIGN_EXTRAS: readonly ((random: Random) => string)[] = [
  () => 'Attachment: receipt_MjAyNC0wMy0wMg.pdf',
  () => 'Tracking: https://track.example-courier.com/?id=JD014600006281&lang=en%2Dgb&ref=mail%20link',
  () => 'Sent from my phone &mdash; sorry for typos. Order &#35;4471 &amp; 4472.',
  (random) =>
    `Order ref ${Math.floor(random() * 1e6)
      .toString(16)
      .toUpperCase()}-${Math.floor(random() * 1e4)} (Ｏｒｄｅｒ １２３４)`,
  () => 'Photo attached: IMG_20240302_101455.jpg (sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08)',
  () => 'Family photo 👨‍👩‍👧 attached so you can see the damage.',
];

/** Two variations of a benign seed: with a greeting and signature, and with a harmless extra. */
export function benignVariations(seed: SeedText, random: Random): Variation[] {
  if (seed.kind === 'passage') {
    return [
      { variant: 'extra', text: `${seed.text}\n\n${pick(random, BENIGN_EXTRAS)(random)}` },
      { variant: 'zero-width', text: zeroWidth(random, seed.text) },
    ];
  }
  return [
    { variant: 'wrapped', text: wrap(random, seed.lang, seed.text) },
    { variant: 'extra+wrapped', text: wrap(random, seed.lang, `${seed.text}\n${pick(random, BENIGN_EXTRAS)(random)}`) },
  ];
}

export { seededRandom };
