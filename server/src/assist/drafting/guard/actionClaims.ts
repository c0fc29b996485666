/**
 * Claims in a draft that an action was done: "Refund processed", "I have cancelled your order",
 * "approved and executed", "Su pedido ha sido cancelado", "Wir haben den Betrag erstattet",
 * "Votre remboursement a été effectué" (en, es, de, fr, and pt, it). Nothing runs while a draft
 * is written: an action runs only later, through `actions.execute` with a person's confirmation.
 * So such a sentence is never true of this draft, and the guard marks it with CLAIM_NOTE for the
 * agent rather than dropping it, which would leave a reply that silently skips a step.
 *
 * What is not a claim: conditions and timelines ("once your refund has been processed…"),
 * questions, negations ("has not been refunded"), and, for a sentence that does not speak in the
 * first person, a restatement of the customer's live facts ("Order #1042 … is cancelled").
 * Patterns run on case- and accent-folded text with bounded gaps: linear per sentence.
 */
import { fold } from '@tandem/shared/search';

export const CLAIM_NOTE = "[not done yet: needs the agent's confirmation]";

/** Speaks for the agent or the company: always a claim, whatever the live facts say. */
const FIRST_PERSON: readonly RegExp[] = [
  /\b(?:i|we)(?:\s+have|['’]ve|\s+just|\s+already|\s+now|\s+successfully|\s+(?:gone|went)\s+ahead\s+and)*\s+(?:refunded|cancell?ed|approved|executed|processed|issued|credited|reimbursed|reversed|voided|transferred|wired|initiated|completed|authori[sz]ed)\b/,
  /\b(?:i|we)(?:\s+have|['’]ve|\s+just|\s+already|\s+now)*\s+(?:changed|updated|modified)\b(?:\s+\S+){0,3}?\s+(?:address|order|account|subscription|plan|payment|card)\b/,
  /\b(?:he|hemos|ya\s+he|ya\s+hemos)\s+(?:procesado|reembolsado|cancelado|anulado|aprobado|ejecutado|emitido|tramitado|devuelto|abonado|transferido|cambiado|actualizado|modificado)\b/,
  /\b(?:ich|wir)\s+(?:habe|haben)\b[^.!?]{0,60}?\b(?:erstattet|zuruckerstattet|ruckerstattet|storniert|genehmigt|ausgefuhrt|bearbeitet|veranlasst|uberwiesen|gutgeschrieben|durchgefuhrt|freigegeben|geandert|aktualisiert)\b/,
  /\b(?:habe\s+ich|haben\s+wir)\b[^.!?]{0,60}?\b(?:erstattet|zuruckerstattet|ruckerstattet|storniert|genehmigt|ausgefuhrt|bearbeitet|veranlasst|uberwiesen|gutgeschrieben|durchgefuhrt|freigegeben|geandert)\b/,
  /(?:\bj['’]ai|\bnous\s+avons|\bon\s+a)\s+(?:bien\s+|deja\s+|maintenant\s+)*(?:rembourse|annule|approuve|execute|traite|effectue|emis|vire|credite|modifie|valide)/,
  /\b(?:ja\s+)?(?:reembolsei|cancelei|aprovei|processei|estornei|reembolsamos|cancelamos|aprovamos|estornamos)\b/,
  /\b(?:ho|abbiamo)\s+(?:gia\s+)?(?:rimborsato|annullato|approvato|eseguito|elaborato|effettuato)\b/,
];

/** Speaks of the action itself: a claim unless the live facts already record that kind of action. */
const IMPERSONAL: readonly RegExp[] = [
  /\b(?:approved|processed|authori[sz]ed)\s+and\s+(?:executed|processed|completed|sent|issued|paid)\b/,
  /\b(?:has|have|had)\s+(?:now\s+|already\s+|just\s+|successfully\s+)*been\s+(?:successfully\s+|fully\s+)?(?:refunded|cancell?ed|approved|executed|processed|issued|credited|reimbursed|reversed|voided|transferred|initiated|completed|changed|updated)\b/,
  /\b(?:was|were|is\s+now|are\s+now)\s+(?:successfully\s+|fully\s+)?(?:refunded|cancell?ed|approved|executed|processed|issued|credited|reimbursed|reversed|voided)\b/,
  /\b(?:refund|cancellation|payment|transfer|reimbursement|credit|chargeback|request|order|return|exchange)\s+(?:successfully\s+)?(?:processed|approved|executed|issued|completed|confirmed|cancell?ed|initiated|done)\b/,
  /\baprobad[oa]\s+y\s+ejecutad[oa]\b/,
  /\b(?:ha|han)\s+(?:sido|quedado)\s+(?:procesad|reembolsad|cancelad|anulad|aprobad|ejecutad|emitid|tramitad|devuelt|abonad|transferid|cambiad|actualizad|modificad)[oa]s?\b/,
  /\bse\s+(?:ha|han)\s+(?:procesado|reembolsado|cancelado|anulado|aprobado|ejecutado|emitido|tramitado|devuelto|abonado|transferido|realizado)\b/,
  /\b(?:fue|fueron|esta|estan)\s+(?:ya\s+)?(?:procesad|reembolsad|cancelad|anulad|aprobad|ejecutad|emitid|abonad)[oa]s?\b/,
  /\b(?:reembolso|cancelacion|devolucion|pago|transferencia|pedido|solicitud|abono)\s+(?:procesad|aprobad|ejecutad|emitid|realizad|completad|cancelad|tramitad)[oa]\b/,
  /\bgenehmigt\s+und\s+ausgefuhrt\b/,
  /\b(?:wurde|wurden|ist|sind)\b[^.!?]{0,60}?\b(?:erstattet|zuruckerstattet|ruckerstattet|storniert|genehmigt|ausgefuhrt|bearbeitet|veranlasst|uberwiesen|gutgeschrieben|durchgefuhrt|freigegeben)(?:\s+worden)?\b/,
  /\b(?:erstattung|ruckerstattung|stornierung|zahlung|uberweisung|bestellung|gutschrift)\s+(?:erfolgreich\s+)?(?:bearbeitet|genehmigt|ausgefuhrt|storniert|erstattet|veranlasst|durchgefuhrt|abgeschlossen)\b/,
  /\bapprouvee?s?\s+et\s+executee?s?\b/,
  /\b(?:a|ont)\s+(?:bien\s+|deja\s+)?ete\s+(?:rembours|annul|approuv|execut|trait|effectu|emis|vir|credit|modifi|valid)/,
  /\best\s+(?:maintenant\s+|desormais\s+|bien\s+)?(?:annulee?s?|remboursee?s?)\b/,
  /\b(?:remboursement|annulation|paiement|virement|retour|demande)\s+(?:bien\s+)?(?:effectue|traite|approuve|execute|valide|annule|rembourse)e?s?\b/,
  /\b(?:reembolso|cancelamento|pagamento|pedido|estorno)\s+(?:processad|aprovad|executad|realizad|efetuad|cancelad)[oa]\b/,
  /\bfoi\s+(?:reembolsad|cancelad|aprovad|processad|executad|estornad)[oa]\b/,
  /\b(?:rimborso|annullamento|pagamento|ordine)\s+(?:effettuat|elaborat|approvat|eseguit|annullat)[oa]\b/,
  /\be\s+stat[oaie]\s+(?:rimborsat|annullat|approvat|eseguit|elaborat)[oaie]\b/,
];

/** A condition or a timeline before the claim makes it a statement about the future or a policy. */
const SUBORDINATE =
  /\b(?:once|when|whenever|after|as\s+soon\s+as|if|until|unless|whether|before|cuando|una\s+vez|si(?!,)|en\s+cuanto|tan\s+pronto|hasta\s+que|sobald|wenn|nachdem|falls|bis|ob|des\s+que|lorsque|quand|une\s+fois|apres\s+que|jusqu['’]a\s+ce\s+que|assim\s+que|depois\s+que|appena|dopo\s+che)\b/;
const NEGATION = /\b(?:not|never|no|nicht|nie|kein\w*|noch\s+nicht|nunca|ningun\w*|pas|jamais|nao|non|mai)\b|n['’]t\b/;

/** The kind of action a sentence or fact is about, so a fact about a cancellation supports only cancellations. */
const FAMILIES: readonly [string, RegExp][] = [
  ['refund', /refund|reembols|erstatt|rembours|rimbors|estorn|credit|gutschrift|abon|reimburs/],
  ['cancel', /cancel|anul|annul|storn/],
  ['address', /address|direccion|adresse|anschrift|indirizzo|endereco/],
  ['return', /\breturn|devolu|retour|ruckgabe|ruckversand|reso\b/],
];

function familiesOf(folded: string): Set<string> {
  return new Set(FAMILIES.filter(([, pattern]) => pattern.test(folded)).map(([name]) => name));
}

function claimIn(folded: string, patterns: readonly RegExp[]): boolean {
  for (const pattern of patterns) {
    const match = pattern.exec(folded);
    if (match === null) continue;
    if (SUBORDINATE.test(folded.slice(0, match.index))) continue;
    if (NEGATION.test(match[0])) continue;
    return true;
  }
  return false;
}

export class ActionClaims {
  readonly #factFamilies: Set<string>;

  /** `liveFacts`: what the customer's live state says, as the drafter was given it. */
  constructor(liveFacts: readonly string[]) {
    this.#factFamilies = familiesOf(fold(liveFacts.join('\n')));
  }

  /** Whether `sentence` claims an action was done that no execution of this draft backs. */
  unsupported(sentence: string): boolean {
    const folded = fold(sentence).trim();
    if (folded === '' || folded.endsWith('?') || folded.endsWith('¿')) return false;
    if (claimIn(folded, FIRST_PERSON)) return true;
    if (!claimIn(folded, IMPERSONAL)) return false;
    const families = familiesOf(folded);
    // A restatement of a live fact ("your order … was cancelled" when the store says it is) is not a claim of this draft.
    return families.size === 0 || [...families].some((f) => !this.#factFamilies.has(f));
  }

  /** `sentence` with the note in front when it is an unsupported claim; leading space and line breaks stay where they were. */
  mark(sentence: string): string {
    if (!this.unsupported(sentence)) return sentence;
    const lead = /^\s*/.exec(sentence)?.[0] ?? '';
    return `${lead}${CLAIM_NOTE} ${sentence.slice(lead.length)}`;
  }
}
