/**
 * The few fixed phrases the embedded drafter writes around the knowledge it quotes (greeting,
 * closing, the no-answer reply and its handoff), in English, Spanish, German, French and
 * Portuguese. Other languages get English phrasing; the quoted knowledge is whatever language
 * the knowledge base holds.
 */

export interface ReplyPhrases {
  greeting: (name: string | undefined) => string;
  /** Introduces quoted knowledge written in another language than the customer's. */
  otherLanguage: (languageName: string) => string;
  liveIntro: string;
  noKnowledge: string;
  /** The plain reply when the answer confidence says the help articles do not answer the ticket. */
  notFound: string;
  /** Tells the customer a colleague takes over (with `notFound`). */
  handoff: string;
  closing: string;
}

const PHRASES: Record<string, ReplyPhrases> = {
  en: {
    greeting: (name) => (name === undefined ? 'Hello,' : `Hi ${name},`),
    otherLanguage: (language) => `Here is what our help centre says (in ${language}):`,
    liveIntro: 'Looking at your account:',
    noKnowledge: 'I am checking this with the team and will come back to you shortly.',
    notFound: 'I could not find this in our help articles.',
    handoff: 'I am passing your question to a colleague who can check it and will get back to you.',
    closing: 'Let me know if anything is still unclear.',
  },
  es: {
    greeting: (name) => (name === undefined ? 'Hola:' : `Hola ${name}:`),
    otherLanguage: (language) => `Esto es lo que indica nuestro centro de ayuda (en ${language}):`,
    liveIntro: 'Revisando su cuenta:',
    noKnowledge: 'Lo estoy consultando con el equipo y le responderé en breve.',
    notFound: 'No he encontrado esta información en nuestros artículos de ayuda.',
    handoff: 'Paso su consulta a un compañero que podrá revisarla y le responderá.',
    closing: 'Quedo a su disposición si algo no queda claro.',
  },
  de: {
    greeting: (name) => (name === undefined ? 'Hallo,' : `Hallo ${name},`),
    otherLanguage: (language) => `Das steht dazu in unserem Hilfe-Center (auf ${language}):`,
    liveIntro: 'Ein Blick in Ihr Konto:',
    noKnowledge: 'Ich kläre das gerade mit dem Team und melde mich in Kürze.',
    notFound: 'Dazu habe ich in unseren Hilfeartikeln nichts gefunden.',
    handoff: 'Ich gebe Ihre Frage an eine Kollegin oder einen Kollegen weiter, die sich bei Ihnen melden.',
    closing: 'Melden Sie sich gern, falls noch etwas unklar ist.',
  },
  fr: {
    greeting: (name) => (name === undefined ? 'Bonjour,' : `Bonjour ${name},`),
    otherLanguage: (language) => `Voici ce qu’indique notre centre d’aide (en ${language}) :`,
    liveIntro: 'En consultant votre compte :',
    noKnowledge: 'Je vérifie cela avec l’équipe et je reviens vers vous rapidement.',
    notFound: 'Je n’ai pas trouvé cette information dans nos articles d’aide.',
    handoff: 'Je transmets votre question à un collègue qui pourra la vérifier et reviendra vers vous.',
    closing: 'N’hésitez pas à revenir vers nous si quelque chose reste flou.',
  },
  pt: {
    greeting: (name) => (name === undefined ? 'Olá,' : `Olá ${name},`),
    otherLanguage: (language) => `Eis o que diz a nossa central de ajuda (em ${language}):`,
    liveIntro: 'Consultando a sua conta:',
    noKnowledge: 'Estou a verificar isto com a equipa e volto a contactá-lo em breve.',
    notFound: 'Não encontrei esta informação nos nossos artigos de ajuda.',
    handoff: 'Vou passar a sua questão a um colega que a poderá verificar e lhe responderá.',
    closing: 'Diga-me se alguma coisa não ficou clara.',
  },
};

const LANGUAGE_NAMES: Record<string, Record<string, string>> = {
  en: { en: 'English', es: 'Spanish', de: 'German', fr: 'French', pt: 'Portuguese' },
  es: { en: 'inglés', es: 'español', de: 'alemán', fr: 'francés', pt: 'portugués' },
  de: { en: 'Englisch', es: 'Spanisch', de: 'Deutsch', fr: 'Französisch', pt: 'Portugiesisch' },
  fr: { en: 'anglais', es: 'espagnol', de: 'allemand', fr: 'français', pt: 'portugais' },
  pt: { en: 'inglês', es: 'espanhol', de: 'alemão', fr: 'francês', pt: 'português' },
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
