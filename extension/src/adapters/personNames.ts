/**
 * A person as a helpdesk page labels them, cleaned into a name and an e-mail. Pages glue other
 * text to names: the field's label ("Requester", "Anfragender", "依頼者"), the avatar's initials
 * ("AB Anna Berg"), pronouns ("(she/her)"), role badges ("Agent", "End user", "Verified"), and
 * the address ("Anna Berg <anna@example.com>"). Those must not reach the ticket, and a name that
 * keeps them never matches the same person elsewhere on the page. Badges are returned, not
 * dropped: they are layout cues an adapter may weigh (see authorRoles.ts). Pure string work, no DOM.
 */
import { TICKET_LIMITS } from '@tandem/shared/ticket-reading';
import { optionalEmail } from './ticketFields';

/** Role badges a page shows beside a name, by what they mean. */
export type PersonBadge = 'agent' | 'light-agent' | 'admin' | 'end-user' | 'customer' | 'verified' | 'owner' | 'self';

export interface PersonLabel {
  name?: string;
  email?: string;
  badges: PersonBadge[];
}

/**
 * Field labels in the UI languages we have seen. Distinctive ones are cut from the front of a name
 * whether or not a colon follows; short or name-like ones ("From", "De", "Van", "To") only with a
 * colon, since "To", "De" and "Van" also begin real names.
 */
const DISTINCTIVE_LABELS = [
  'requester',
  'requestor',
  'requested by',
  'contact name',
  'anfragender',
  'anfragende',
  'anfragende(r)',
  'antragsteller',
  'kontaktname',
  'solicitante',
  'nombre del contacto',
  'demandeur',
  'demandeuse',
  'nom du contact',
  'requerente',
  'nome do contato',
  'richiedente',
  'nome contatto',
  'aanvrager',
  'contactnaam',
  '依頼者',
  'リクエスタ',
  'リクエスター',
  '要求者',
  '取引先責任者名',
  '取引先責任者',
  '差出人',
  '送信者',
  '请求者',
  '申请人',
  '요청자',
  'מבקש',
  'מבקשת',
  'مقدم الطلب',
];
const COLON_LABELS = [
  'from',
  'sender',
  'to',
  'cc',
  'contact',
  'customer',
  'name',
  'author',
  'assignee',
  'von',
  'an',
  'absender',
  'kontakt',
  'kunde',
  'de',
  'para',
  'remitente',
  'contacto',
  'cliente',
  'expéditeur',
  'à',
  'client',
  'remetente',
  'contato',
  'da',
  'mittente',
  'van',
  'afzender',
  '宛先',
  '顧客',
  '联系人',
  'من',
  'العميل',
  'מאת',
];

/** Badge words by meaning. Distinctive ones are cut even undelimited at the end ("Anna Berg Agent"). */
const BADGES: readonly { badge: PersonBadge; words: readonly string[]; distinctive: boolean }[] = [
  {
    badge: 'light-agent',
    words: ['light agent', 'light-agent', 'agente light', 'agent light', 'ライトエージェント'],
    distinctive: true,
  },
  {
    badge: 'end-user',
    words: [
      'end user',
      'end-user',
      'enduser',
      'endbenutzer',
      'endnutzer',
      'usuario final',
      'utilisateur final',
      'utente finale',
      'エンドユーザー',
    ],
    distinctive: true,
  },
  { badge: 'agent', words: ['agent', 'agente', 'エージェント', 'support agent'], distinctive: true },
  {
    badge: 'admin',
    words: ['admin', 'administrator', 'administrador', 'administrateur', 'amministratore', 'administrador(a)', '管理者'],
    distinctive: true,
  },
  { badge: 'verified', words: ['verified', 'verifiziert', 'verificado', 'vérifié', 'verificato', '認証済み'], distinctive: true },
  { badge: 'owner', words: ['owner', 'inhaber', 'propietario', 'propriétaire', '所有者'], distinctive: false },
  { badge: 'customer', words: ['customer', 'kunde', 'kundin', 'cliente', 'client', '顧客', 'requester'], distinctive: false },
  { badge: 'self', words: ['me', 'you', 'ich', 'du', 'yo', 'tú', 'moi', 'vous', '自分', 'あなた'], distinctive: false },
];

/** Bidirectional marks and zero-width characters: RTL pages sprinkle them around names and addresses. */
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;
const EMAIL_TOKEN = /[^\s<>()[\]"',;:]+@[^\s<>()[\]"',;:]+/g;
/** "(she/her)", "(they/them/theirs)", "(sie/ihr)", "[he/him]". */
const BRACKETED_PRONOUNS = /[([]\s*\p{Ll}{1,6}(?:\s*\/\s*\p{Ll}{1,6}){1,2}\s*[)\]]/gu;
/** Bare "she/her" as its own word. */
const BARE_PRONOUNS = /(?:^|\s)\p{Ll}{1,6}(?:\/\p{Ll}{1,6}){1,2}(?=\s|$)/gu;
/** What separates a badge from a name: brackets, middle dots, bullets, bars, dashes. */
const SEPARATORS = '\\s*(?:[·•|–—-]\\s*)?';
const EDGE_PUNCTUATION = /^[\s:：,;·•|–—-]+|[\s:：,;·•|–—-]+$/g;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function isCjk(text: string): boolean {
  return /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(text);
}

/** Every label, longest first, so "contact name" is tried before "contact". */
const LABELS_LONGEST_FIRST = [...DISTINCTIVE_LABELS, ...COLON_LABELS].sort((a, b) => b.length - a.length);
const DISTINCTIVE = new Set(DISTINCTIVE_LABELS);

/** Cuts one leading field label; a Latin label glued to the name must end where an upper-case letter starts. */
function stripLabel(text: string): string {
  const lower = text.toLowerCase();
  for (const label of LABELS_LONGEST_FIRST) {
    if (!lower.startsWith(label)) continue;
    const rest = text.slice(label.length);
    const colon = /^\s*[:：]/.test(rest);
    const distinctive = DISTINCTIVE.has(label);
    const boundary = colon || (distinctive && (rest === '' || /^\s/.test(rest) || /^\p{Lu}/u.test(rest) || isCjk(label)));
    if (!boundary) continue;
    const remaining = rest.replace(/^\s*[:：]?\s*/, '');
    if (remaining !== '') return remaining;
  }
  return text;
}

/** Each badge's patterns, compiled once: names are cleaned for every message of a long thread. */
const BADGE_PATTERNS = BADGES.map(({ badge, words, distinctive }) => {
  const any = words.map(escape).join('|');
  const undelimited = distinctive ? '\\s+' : '(?!)';
  return {
    badge,
    bracketed: new RegExp(`[([（]\\s*(?:${any})\\s*[)\\]）]`, 'giu'),
    trailing: new RegExp(`(?:\\s*[·•|–—-]\\s*|${undelimited})(?:${any})$`, 'iu'),
    leading: new RegExp(`^(?:${any})(?:\\s*[·•|–—-]\\s*|${undelimited})`, 'iu'),
  };
});
/** Any badge word at all: most names carry none, and skip the per-badge work. */
const ANY_BADGE_WORD = new RegExp(BADGES.flatMap(({ words }) => words.map(escape)).join('|'), 'iu');
const TRAILING_SEPARATOR = new RegExp(`${SEPARATORS}$`);

/** Cuts badges in brackets anywhere, and delimited or distinctive ones at either end; records what they meant. */
function stripBadges(text: string, badges: Set<PersonBadge>): string {
  if (!ANY_BADGE_WORD.test(text)) return text;
  let result = text;
  for (const { badge, bracketed, trailing, leading } of BADGE_PATTERNS) {
    const unbracketed = result.replace(bracketed, ' ');
    if (unbracketed !== result) {
      badges.add(badge);
      result = unbracketed;
    }
    for (const edge of [trailing, leading]) {
      const cut = result.replace(edge, '').trim();
      if (cut !== result.trim() && cut !== '') {
        badges.add(badge);
        result = cut;
      }
    }
  }
  return result.replace(TRAILING_SEPARATOR, '');
}

function initialsOf(words: readonly string[]): string {
  return words.map((word) => word.charAt(0)).join('');
}

/**
 * Cuts avatar initials in front of the name they abbreviate: "AB Anna Berg", "ABAnna Berg" (the
 * avatar's text glued on), "AMB Anna Maria Berg", "AB Anna Maria Berg" (first and last). Initials
 * that do not match the name are left, since "AJ Smith" may be the name.
 */
function stripInitials(text: string): string {
  const glued = /^(\p{Lu}{1,3})\s*(?=\p{Lu}\p{Ll})/u.exec(text);
  if (glued === null) return text;
  const initials = glued[1] ?? '';
  const rest = text.slice(glued[0].length);
  const words = rest.split(/\s+/).filter((word) => /^\p{L}/u.test(word));
  if (words.length === 0) return text;
  const first = words[0] ?? '';
  const last = words.at(-1) ?? '';
  const candidates = [initialsOf(words), `${first.charAt(0)}${last.charAt(0)}`, first.charAt(0)];
  // A single letter only stands for a one-word name ("P Priya"): otherwise it may be a middle initial.
  const matches = candidates.some((candidate, index) => candidate.toUpperCase() === initials && (index < 2 || words.length === 1));
  return matches && (initials.length > 1 || words.length === 1) ? rest : text;
}

/** Splits out the e-mail address (the first valid one), returning the text without any address. */
function extractEmail(text: string): { rest: string; email?: string } {
  let email: string | undefined;
  const rest = text.replace(EMAIL_TOKEN, (token) => {
    const valid = optionalEmail(token.replace(/^mailto:/i, '').replace(/[.]+$/, ''));
    if (valid === undefined) return token;
    email ??= valid;
    return ' ';
  });
  // Brackets or quotes that held only the address are empty now.
  return { rest: rest.replace(/<\s*>|\(\s*\)|\[\s*\]/g, ' '), ...(email === undefined ? {} : { email }) };
}

/** The person a label names: `name` cleaned of labels, initials, pronouns and badges; `email` on its own. */
export function parsePersonLabel(text: string | null | undefined): PersonLabel {
  const badges = new Set<PersonBadge>();
  const spaced = (text ?? '').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
  const { rest, email } = extractEmail(spaced);
  let name = rest.replace(BRACKETED_PRONOUNS, ' ').replace(BARE_PRONOUNS, ' ').replace(/\s+/g, ' ').trim();
  name = stripLabel(name.replace(EDGE_PUNCTUATION, ''));
  name = stripBadges(name.replace(EDGE_PUNCTUATION, ''), badges);
  name = stripInitials(name.replace(EDGE_PUNCTUATION, ''));
  name = name
    // "anna@example.com (Anna Berg)": the name was the bracketed part.
    .replace(/^\((.*)\)$/, '$1')
    .replace(/^["'“”‘’«»]+|["'“”‘’«»]+$/g, '')
    .replace(EDGE_PUNCTUATION, '')
    .trim();
  return {
    ...(name === '' ? {} : { name: name.slice(0, TICKET_LIMITS.nameChars) }),
    ...(email === undefined ? {} : { email }),
    badges: [...badges],
  };
}

/** Just the cleaned name, or undefined when nothing of a name is left. */
export function cleanPersonName(text: string | null | undefined): string | undefined {
  return parsePersonLabel(text).name;
}

/** A name as compared: case, spacing, commas and word order do not matter ("Berg, Anna" is "Anna Berg"). */
export function nameWords(name: string): string[] {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[,.;]/g, ' ')
    .split(/\s+/)
    .filter((word) => word !== '')
    .sort();
}
