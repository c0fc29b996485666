/**
 * The few fixed phrases the embedded drafter writes around the knowledge it quotes, in the
 * languages Tandem's glossaries cover. Other languages get English phrasing; the quoted
 * knowledge is whatever language the knowledge base holds.
 */

export interface ReplyPhrases {
  greeting: (name: string | undefined) => string;
  thanks: string;
  /** Introduces quoted knowledge written in another language than the customer's. */
  otherLanguage: (languageName: string) => string;
  liveIntro: string;
  noKnowledge: string;
  closing: string;
}

const PHRASES: Record<string, ReplyPhrases> = {
  en: {
    greeting: (name) => (name === undefined ? 'Hello,' : `Hi ${name},`),
    thanks: 'Thanks for getting in touch.',
    otherLanguage: (language) => `Here is what our help centre says (in ${language}):`,
    liveIntro: 'Looking at your account:',
    noKnowledge: 'I am checking this with the team and will come back to you shortly.',
    closing: 'Let me know if anything is still unclear.',
  },
  es: {
    greeting: (name) => (name === undefined ? 'Hola:' : `Hola ${name}:`),
    thanks: 'Gracias por escribirnos.',
    otherLanguage: (language) => `Esto es lo que indica nuestro centro de ayuda (en ${language}):`,
    liveIntro: 'Revisando su cuenta:',
    noKnowledge: 'Lo estoy consultando con el equipo y le responderé en breve.',
    closing: 'Quedo a su disposición si algo no queda claro.',
  },
  de: {
    greeting: (name) => (name === undefined ? 'Hallo,' : `Hallo ${name},`),
    thanks: 'vielen Dank für Ihre Nachricht.',
    otherLanguage: (language) => `Das steht dazu in unserem Hilfe-Center (auf ${language}):`,
    liveIntro: 'Ein Blick in Ihr Konto:',
    noKnowledge: 'Ich kläre das gerade mit dem Team und melde mich in Kürze.',
    closing: 'Melden Sie sich gern, falls noch etwas unklar ist.',
  },
  fr: {
    greeting: (name) => (name === undefined ? 'Bonjour,' : `Bonjour ${name},`),
    thanks: 'Merci de nous avoir contactés.',
    otherLanguage: (language) => `Voici ce qu’indique notre centre d’aide (en ${language}) :`,
    liveIntro: 'En consultant votre compte :',
    noKnowledge: 'Je vérifie cela avec l’équipe et je reviens vers vous rapidement.',
    closing: 'N’hésitez pas à revenir vers nous si quelque chose reste flou.',
  },
};

const LANGUAGE_NAMES: Record<string, Record<string, string>> = {
  en: { en: 'English', es: 'Spanish', de: 'German', fr: 'French' },
  es: { en: 'inglés', es: 'español', de: 'alemán', fr: 'francés' },
  de: { en: 'Englisch', es: 'Spanisch', de: 'Deutsch', fr: 'Französisch' },
  fr: { en: 'anglais', es: 'espagnol', de: 'allemand', fr: 'français' },
};

export function phrasesFor(language: string): { phrases: ReplyPhrases; language: string } {
  const base = language.toLowerCase().split('-')[0] ?? 'en';
  const phrases = PHRASES[base];
  return phrases === undefined ? { phrases: PHRASES['en'] as ReplyPhrases, language: 'en' } : { phrases, language: base };
}

/** A language's name as written in `inLanguage` (falls back to the code). */
export function languageName(code: string, inLanguage: string): string {
  return LANGUAGE_NAMES[inLanguage]?.[code] ?? code;
}
