/**
 * The newest part of a customer's message, without the history a mail client quotes below or
 * around it: lines starting with ">", and everything from a reply header on ("On … wrote:",
 * "El … escribió:", "Am … schrieb …:", "Le … a écrit :", "-----Original Message-----", an
 * Outlook "From: / Sent:" block, a line of underscores). Ticket analysis reads what the customer
 * says now; an angry message quoted under a calm "thanks, got it" is history. One pass over the
 * lines, each test anchored and bounded, so a 20,000-character message costs its length.
 */

export interface NewestText {
  /** The newest text; the whole message when nothing else is left once the history is removed. */
  text: string;
  /** Some quoted history was removed. */
  quoted: boolean;
}

/** "On Tue, 4 Mar 2025 at 09:12, Name <a@b> wrote:" and its es/de/fr/pt/it forms; bounded so a long line costs little. */
const REPLY_HEADER = [
  /^\s*on\b.{0,300}\bwrote\s*:\s*$/i,
  /^\s*el\b.{0,300}\bescribi[oó]\s*:\s*$/i,
  /^\s*am\b.{0,300}\bschrieb\b.{0,300}$/i,
  /^\s*le\b.{0,300}\ba\s+[ée]crit\s*:\s*$/i,
  /^\s*em\b.{0,300}\bescreveu\s*:\s*$/i,
  /^\s*il\b.{0,300}\bha\s+scritto\s*:\s*$/i,
];
/** A header the client wrapped onto two lines: "On …, Name <a@b>" then "wrote:". */
const WRAPPED_VERB = /^\s*(wrote|escribi[oó]|schrieb|a\s+[ée]crit|escreveu|ha\s+scritto)\b.{0,300}:\s*$/i;
const SEPARATOR =
  /^\s*-{2,}\s*(original message|mensaje original|urspr[üu]ngliche nachricht|message d['’]origine|mensagem original|messaggio originale|forwarded message|mensaje reenviado)\s*-{2,}\s*$/i;
const UNDERSCORES = /^\s*_{10,}\s*$/;
/** Outlook's header block: a "From:" line followed within three lines by "Sent:"/"Date:" (or their translations). */
const FROM_LINE = /^\s*\**(from|de|von|da)\s*:\**\s/i;
const SENT_LINE = /^\s*\**(sent|date|envoy[ée]|enviado|fecha|gesendet|datum|inviato|data)\s*:\**\s/i;
const QUOTE_MARK = /^\s*>/;

function opensHistory(lines: readonly string[], i: number): boolean {
  const line = lines[i] ?? '';
  if (REPLY_HEADER.some((header) => header.test(line))) {
    // "Am 3. März schrieb …" without a colon is an ordinary sentence unless quoted lines follow.
    return !/^\s*am\b/i.test(line) || /:\s*$/.test(line) || QUOTE_MARK.test(lines[i + 1] ?? '');
  }
  if (SEPARATOR.test(line) || UNDERSCORES.test(line)) return true;
  if (WRAPPED_VERB.test(lines[i + 1] ?? '') && /\S/.test(line) && line.length <= 300 && /@|\d/.test(line)) return true;
  if (FROM_LINE.test(line)) for (let k = 1; k <= 3; k++) if (SENT_LINE.test(lines[i + k] ?? '')) return true;
  return false;
}

export function newestText(message: string): NewestText {
  const lines = message.split('\n');
  const kept: string[] = [];
  let quoted = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (QUOTE_MARK.test(line)) {
      quoted = true;
      continue;
    }
    if (opensHistory(lines, i)) {
      quoted = true;
      break;
    }
    kept.push(line);
  }
  const text = kept.join('\n').trim();
  return text === '' ? { text: message, quoted: false } : { text, quoted };
}
