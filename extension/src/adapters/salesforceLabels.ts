/**
 * The words Salesforce shows in the agent's UI language, for the few places where a label is the
 * only hook: the highlights panel and Classic's label cells (which carry no API name), an e-mail's
 * From/To lines, and a post's visibility. One table per meaning; a label not listed here is not
 * guessed at, so the field reads as missing rather than as another field's value.
 */

/** A label as compared: no bidi marks, no trailing colon, one space, lower case, full-width folded. */
export function normalLabel(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\s*[:：]$/, '')
    .toLowerCase();
}

function labelSet(labels: readonly string[]): ReadonlySet<string> {
  return new Set(labels.map(normalLabel));
}

/** Case fields by meaning, in English, German, Spanish, French, Italian, Portuguese, Dutch, Japanese and Hebrew. */
export const FIELD_LABELS = {
  caseNumber: labelSet([
    'Case Number',
    'Kundenvorgangsnummer',
    'Número del caso',
    'Numéro de la requête',
    'Numero caso',
    'Número do caso',
    'Zaaknummer',
    'ケース番号',
    'מספר פנייה',
  ]),
  subject: labelSet(['Subject', 'Betreff', 'Asunto', 'Objet', 'Oggetto', 'Assunto', 'Onderwerp', '件名', 'נושא']),
  contactName: labelSet([
    'Contact Name',
    'Kontaktname',
    'Nombre del contacto',
    'Nom du contact',
    'Nome contatto',
    'Nome do contato',
    'Contactnaam',
    '取引先責任者名',
    'שם איש קשר',
  ]),
  contactEmail: labelSet([
    'Contact Email',
    'Kontakt-E-Mail',
    'Correo electrónico del contacto',
    'E-mail du contact',
    'E-mail contatto',
    'Email do contato',
    'E-mail contactpersoon',
    '取引先責任者 メール',
    'דואר אלקטרוני של איש קשר',
  ]),
  owner: labelSet([
    'Case Owner',
    'Kundenvorgangsinhaber',
    'Propietario del caso',
    'Propriétaire de la requête',
    'Titolare caso',
    'Proprietário do caso',
    'Eigenaar van zaak',
    'ケース所有者',
    'בעלים של פנייה',
  ]),
  suppliedName: labelSet(['Web Name', 'Web-Name', 'Nombre Web', 'Nom Web', 'Nome Web', 'Web 名', 'Web名', 'שם אינטרנט']),
  suppliedEmail: labelSet([
    'Web Email',
    'Web-E-Mail',
    'Correo electrónico Web',
    'E-mail Web',
    'Email Web',
    'Web メール',
    'Webメール',
    'דואר אלקטרוני באינטרנט',
  ]),
  description: labelSet(['Description', 'Beschreibung', 'Descripción', 'Descrizione', 'Descrição', 'Beschrijving', '説明', 'תיאור']),
} as const;

export type CaseFieldMeaning = keyof typeof FIELD_LABELS;

/** What a label means, or undefined for a label we do not read. */
export function fieldMeaning(label: string): CaseFieldMeaning | undefined {
  const normal = normalLabel(label);
  return (Object.keys(FIELD_LABELS) as CaseFieldMeaning[]).find((meaning) => FIELD_LABELS[meaning].has(normal));
}

/** An e-mail's header lines in the UI language. */
export const EMAIL_HEADER_LABELS = {
  from: labelSet(['From', 'Von', 'De', 'Expéditeur', 'Da', 'Van', '差出人', '送信者', 'מאת']),
  to: labelSet(['To', 'An', 'Para', 'À', 'A', 'Aan', '宛先', 'אל']),
} as const;

/** Classic's "Created By:" in front of a case comment's author. */
export const CREATED_BY_LABELS = labelSet([
  'Created By',
  'Erstellt von',
  'Creado por',
  'Créé par',
  'Creato da',
  'Criado por',
  'Gemaakt door',
  '作成者',
  'נוצר על-ידי',
]);

/**
 * A post's visibility as the preamble words it. Internal: "<Company> Only" and its translations
 * ("Nur <Company>", "<Company> のみ", "<Company> בלבד"), or "Internal". Public: shared with
 * everyone who can see the case, customers through a portal included.
 */
const INTERNAL_VISIBILITY = [
  /^\S.*\sonly$/iu,
  /^nur\s\S/iu,
  /^solo\s\S/iu,
  /^seulement\s\S/iu,
  /^alleen\s\S/iu,
  /\S\s?のみ$/u,
  /\S\sבלבד$/u,
  /^(?:to:\s*)?internal$/iu,
  /^intern$/iu,
  /^interno$/iu,
  /^社内$/u,
  /^פנימי$/u,
];
const PUBLIC_VISIBILITY = labelSet([
  'All with access',
  'To: All',
  'Alle mit Zugriff',
  'Todos con acceso',
  'Tous les utilisateurs ayant accès',
  'Tutti con accesso',
  'Todos com acesso',
  'Iedereen met toegang',
  'アクセス権のあるすべてのユーザー',
  'כל בעלי הגישה',
]);

export type Visibility = 'internal' | 'public';

/** The visibility a phrase states, or undefined when it states none we know. */
export function visibilityOf(phrase: string): Visibility | undefined {
  const normal = normalLabel(phrase);
  if (normal === '') return undefined;
  if (PUBLIC_VISIBILITY.has(normal)) return 'public';
  return INTERNAL_VISIBILITY.some((pattern) => pattern.test(normal)) ? 'internal' : undefined;
}
