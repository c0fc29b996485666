/**
 * Shared by the action definitions: the role sets, `defineAction`, and what prefills read from a
 * ticket — order references (`#W2378156`, `#1042`, "order 1042"), the customer's email and name,
 * a zip code, and whether the customer asks for something (cancel, return, a call). Prefilled
 * values are only proposals the agent confirms, so a miss costs a field to type, while a wrong
 * "this applies" costs a useless suggestion; the matchers lean to precision.
 */
import type { Role } from '@tandem/shared';
import type { ActionContext, ActionDefinition } from '../actionDefinition.js';
import type { z } from 'zod';

export const EVERY_ROLE: readonly Role[] = ['agent', 'lead', 'admin'];
export const LEADS_AND_ADMINS: readonly Role[] = ['lead', 'admin'];

/** Keeps each definition's own argument type while collecting them in one list. */
export function defineAction<Schema extends z.ZodType<Record<string, unknown>>>(definition: ActionDefinition<Schema>): ActionDefinition {
  return definition;
}

export interface TicketClues {
  /** Subject and every non-system message, newest last. */
  text: string;
  /** Subject and the customer's own messages: what the customer asks for. */
  customerText: string;
  /** Demo-shop order ids without the `#`, e.g. `W2378156`, in order of appearance. */
  storeOrderIds: string[];
  /** Plain order numbers without the `#`, e.g. `1042`. */
  orderNumbers: string[];
  /** Email addresses written in the customer's messages. */
  emails: string[];
  zip: string | undefined;
  /** A full name the customer wrote about themselves ("my name is Ana Teixeira"). */
  statedName: string | undefined;
}

const STORE_ORDER_ID = /(?:^|[^A-Za-z0-9])#?([Ww]\d{7})(?![0-9])/g;
const HASH_ORDER_NUMBER = /(?:^|[^A-Za-z0-9&])#(\d{3,12})(?![0-9])/g;
const WORDED_ORDER_NUMBER =
  /\b(?:order|commande|bestellung|pedido|ordine)\s*(?:no\.?|nr\.?|number|num(?:ber|éro|ero)?|n[°º]|#)?\s*[:#]?\s*(\d{3,12})(?![0-9])/gi;
// Starts only where a run of address characters starts: otherwise a long run without "@" is rescanned from every position (quadratic).
const EMAIL = /(?<![A-Z0-9._%+-])[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}/gi;
/**
 * Where a 5-digit zip code shows, most explicit first: named as one ("zip code 97214", "code
 * postal", "PLZ"), after a US state code as an address ends ("Portland, OR 97214"), or as the
 * first number after "I live in" when it ends the place ("I live in Denver, 80273."). House
 * and order numbers are not taken, and a move names two places, so "moved from … to …" is left
 * to the agent.
 */
const ZIPS: readonly RegExp[] = [
  /\b(?:zip|postal|post)\s*(?:code)?\s*(?:is|:|=)?\s*(\d{5})(?:-\d{4})?\b/i,
  /(?:c[óo]digo postal|code postal|postleitzahl|\bplz)\s*(?:es|est|ist|[:=])?\s*(\d{5})\b/i,
  /\b(?:A[KLRZ]|C[AOT]|D[CE]|FL|GA|HI|I[ADLN]|K[SY]|LA|M[ADEINOST]|N[CDEHJMVY]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[AT]|W[AIVY]),?\s+(\d{5})(?:-\d{4})?(?![\d-])/,
  /\b(?:live|lives|living|reside|resides|residing|based|located)\s+in\b[^\d.!?\n]{0,60}?(?<![\d#])(\d{5})(?:-\d{4})?(?=\s*(?:[,.;:!?)]|$)|\s+(?:and|but)\b)/im,
];
/** A name the customer gives in their own words, in en/es/fr/de: two or three capitalised words (case matters, so "my name is on the order" is none). */
const STATED_NAME =
  /(?:\b[Mm]y name is|\b[Mm]e llamo|\b[Mm]i nombre es|\b[Jj]e m['’]appelle|\b[Mm]on nom est|\b[Ii]ch hei(?:ß|ss)e|\b[Mm]ein Name ist)\s+(\p{Lu}[\p{Ll}'’-]+(?:[ \t]+\p{Lu}[\p{Ll}'’-]+){1,2})/u;

export function readTicket(context: ActionContext): TicketClues {
  const { ticket } = context;
  // A message whose author the page did not show (authorRole 'unknown') may be a bot's merge
  // note or another ticket's text: its ids are not this customer's.
  const messages = ticket.messages.filter((m) => m.authorRole !== 'unknown');
  const text = [ticket.subject, ...messages.map((m) => m.body)].join('\n');
  const customerText = [ticket.subject, ...messages.filter((m) => m.authorRole === 'customer').map((m) => m.body)].join('\n');
  return {
    text,
    customerText,
    storeOrderIds: unique(captured(text, STORE_ORDER_ID).map((id) => id.toUpperCase())),
    orderNumbers: unique([...captured(text, HASH_ORDER_NUMBER), ...captured(text, WORDED_ORDER_NUMBER)]),
    emails: unique([...customerText.matchAll(EMAIL)].map((m) => m[0].toLowerCase())),
    zip: firstCapture(customerText, ZIPS),
    statedName: STATED_NAME.exec(customerText)?.[1],
  };
}

/** The requester's email, else the live customer's, else one the customer wrote. */
export function customerEmail(context: ActionContext, clues: TicketClues = readTicket(context)): string | undefined {
  return context.ticket.requester.email ?? context.live?.customer.email ?? clues.emails[0];
}

/** The requester's name, else the live customer's, else one the customer wrote ("my name is …"). */
export function customerName(context: ActionContext, clues?: TicketClues): { firstName: string; lastName: string } | undefined {
  const name = (context.ticket.requester.name ?? context.live?.customer.name ?? (clues ?? readTicket(context)).statedName)?.trim();
  if (name === undefined || name === '' || name.includes('@')) return undefined;
  const [firstName, ...rest] = name.split(/\s+/);
  if (firstName === undefined || rest.length === 0) return undefined;
  return { firstName, lastName: rest.join(' ') };
}

/** What the store last said about an order, when the live state knows it. */
export function liveOrderStatus(context: ActionContext, orderId: string): string | undefined {
  const wanted = orderId.replace(/^#/, '').toUpperCase();
  return context.live?.orders.find((o) => o.id.replace(/^#/, '').toUpperCase() === wanted)?.status;
}

export const INTENT = {
  cancel: /\bcancel|\bannul|\bstornier|\bstop (?:the|my) order/i,
  refund: /\brefund|money back|\breimburs|charged twice|double[- ]charged|\bchargeback|\brembours|\berstatt|\breembols|\brimbors/i,
  return: /\breturn|send (?:it|them|this) back|\bretour|\bdevol|\brücksend|zurückschick/i,
  exchange: /\bexchange|\bswap|different (?:size|colou?r|variant)|wrong (?:size|colou?r)|\breplace(?:ment)?\b|\bumtausch|\béchang|\bcambi/i,
  changeItems:
    /\bchange (?:the |my )?(?:size|colou?r|item|variant)|different (?:size|colou?r|variant)|wrong (?:size|colou?r)|\bswap|\binstead\b/i,
  address: /\baddress|\bship(?:ping)? (?:it )?to\b|\bdeliver(?:y|ed)? (?:it )?to\b|\bmoved\b|\badresse|\bdirecci[oó]n|\bindirizzo/i,
  human: /\bhuman\b|real person|\bmanager\b|\bsupervisor\b|speak (?:to|with) (?:someone|somebody|a person)|\bescalat/i,
  meeting:
    /\bschedul|\bmeeting\b|\bappointment\b|\bbook (?:a|some) (?:time|call|slot)|\bcall me\b|\bphone call\b|\bvideo call\b|\bcall back\b|\bcallback\b|\bdemo\b/i,
} as const;

/** Letters on both sides count, accented ones too: `\b` is ASCII-only and misses "échanger" after a space. */
const START = '(?<![\\p{L}\\p{N}])';
const END = '(?![\\p{L}\\p{N}])';
/** A request verb and its object within one clause, in either order (German puts the verb last: "die Größe ändern"). */
function nearby(verbs: string, objects: string): string {
  return `${START}(?:${verbs})[^.!?\\n]{0,40}?${START}(?:${objects})|${START}(?:${objects})[^.!?\\n]{0,40}?${START}(?:${verbs})`;
}
/** Words that put a request about an order rather than the account, e.g. "change the delivery address" vs "change my address". */
const ORDER_WORD = `order|shipment|delivery|package|parcel|ship(?:ping|s|ped)?|deliver|pedido|env[íi]o|entrega|paquete|commande|livraison|colis|bestellung|lieferung|paket|liefer|versand`;
const ABOUT_ORDER = new RegExp(`${START}(?:${ORDER_WORD})`, 'iu');
const CHANGE_VERB = `change|changing|modify|update|switch|correct|fix|cambi|modific|actualiz|corrig|chang|modifi|mettre à jour|korrigier|änder|aendern|wechsel`;
/** An address, but not an email one ("email address", "dirección de correo", "adresse e-mail", "E-Mail-Adresse"). */
const ADDRESS = `(?<!e-?mail )(?:shipping |delivery )?address|direcci[óo]n(?! de correo)|(?<!mail-?)adresse(?! (?:e-?mail|mail|électronique|courriel))|anschrift`;
const VARIANT = `size|colou?r|item|variant|model|version|material|talla|tamaño|color|art[íi]culo|taille|couleur|article|mod[èe]le|größe|groesse|farbe|artikel|ausführung`;

/**
 * What a customer clearly asks to have done to an order, in en/es/de/fr: a request verb or noun,
 * not a passing mention ("my email address", "the return policy", "it was cancelled"). Used when
 * the ticket names no order id, where the words alone decide that a write is worth suggesting.
 */
export const ORDER_CHANGE = {
  cancel: new RegExp(
    `${START}(?:cancel(?!l?ed|lation|ad[oa])|cancellation(?! (?:policy|fee))|anul|annul(?!é)|stornieren|stornierung|storno)`,
    'iu',
  ),
  return: new RegExp(
    [
      `${START}return(?:ing)? (?:the|my|this|that|these|those|it|them|both|all|everything|some|one|an?|\\d+|two|three)${END}`,
      `${START}(?:start|make|request|open|initiate) an? return`,
      `${START}send(?:ing)? (?:it|them|this|these|those|the \\p{L}+|my \\p{L}+) back`,
      `${START}(?:devolver|devoluci[óo]n|devuelv|retourner|retourne|renvoyer|renvoie|zurückgeben|zurückschicken|zurücksenden|rücksendung|retournier)`,
    ].join('|'),
    'iu',
  ),
  exchange: new RegExp(
    [
      `${START}(?:exchang(?:e|ing)(?! rate)|swap|replacement|umtausch|umtauschen|échange|échanger|echanger)`,
      `${START}(?:different|another|other|wrong|otra|otro|autre|andere|anderen|falsche) (?:${VARIANT})`,
      nearby('cambiar|cambio', VARIANT),
    ].join('|'),
    'iu',
  ),
  changeItems: new RegExp(
    [
      nearby(`${CHANGE_VERB}|swap|switch`, VARIANT),
      `${START}(?:different|another|other|wrong|otra|otro|autre|andere|anderen|falsche) (?:${VARIANT})`,
    ].join('|'),
    'iu',
  ),
  address: new RegExp(
    [
      nearby(`${CHANGE_VERB}|redirect|send|ship|deliver|umleit`, ADDRESS),
      `${START}(?:new|different|wrong|other|nueva|otra|nouvelle|autre|neue|andere|falsche) (?:${ADDRESS})`,
      `${START}(?:lieferadresse|adresse de livraison|direcci[óo]n de (?:env[íi]o|entrega))`,
    ].join('|'),
    'iu',
  ),
} as const;

/** Whether the customer's words concern an order (rather than their account), for requests that could be either. */
export function mentionsOrder(customerText: string): boolean {
  return ABOUT_ORDER.test(customerText);
}

/** The first capture of the first pattern that matches: patterns come most reliable first. */
function firstCapture(text: string, patterns: readonly RegExp[]): string | undefined {
  for (const pattern of patterns) {
    const found = pattern.exec(text)?.[1];
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The first capture group of every match. */
function captured(text: string, pattern: RegExp): string[] {
  return [...text.matchAll(pattern)].flatMap((m) => (m[1] === undefined ? [] : [m[1]]));
}

export function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** The last message the customer wrote, for a ticket body or handoff summary. */
export function lastCustomerMessage(context: ActionContext): string | undefined {
  return [...context.ticket.messages].reverse().find((m) => m.authorRole === 'customer')?.body;
}

export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
