/**
 * A ticket message as the model gets it: redacted, and cut to a bound with a visible mark, so a
 * huge message costs a bounded prompt and bounded work instead of slowing the draft down, and the
 * model knows it did not see all of it. Only the start of the body (the bound plus a margin) is
 * redacted: a value that straddles the margin's end starts past the bound and is cut away with it,
 * so no half-redacted value reaches the prompt.
 */

/** Longest message the model gets; longer ones are cut with SHORTENED_MARK. */
export const MAX_TURN_CHARS = 4000;
export const SHORTENED_MARK = '[message shortened]';
/** Longer than any value redaction looks for (an e-mail address is at most 320 characters). */
const REDACTION_MARGIN = 400;
/** A cut may move back to a word boundary by at most this much. */
const WORD_BACKTRACK = 200;

export interface ShortenedTurn {
  text: string;
  shortened: boolean;
}

export function shortenTurn(body: string, maxChars: number, redact: (text: string) => string): ShortenedTurn {
  if (body.length <= maxChars) return { text: redact(body), shortened: false };
  const redacted = redact(body.slice(0, maxChars + REDACTION_MARGIN));
  if (redacted.length <= maxChars) return { text: `${redacted.trimEnd()} ${SHORTENED_MARK}`, shortened: true };
  let cut = maxChars;
  const space = redacted.slice(maxChars - WORD_BACKTRACK, maxChars + 1).search(/\s\S*$/);
  if (space >= 0) cut = maxChars - WORD_BACKTRACK + space;
  // Never half a placeholder ("[EMAIL_" without its number): the cut moves before it.
  const open = redacted.lastIndexOf('[', cut);
  if (open >= 0 && open > redacted.lastIndexOf(']', cut - 1) && cut - open < 24) cut = open;
  return { text: `${redacted.slice(0, cut).trimEnd()} ${SHORTENED_MARK}`, shortened: true };
}
