/**
 * The shape of one language's sentiment lexicon, and the rules every entry follows.
 *
 * Every entry is folded the way the text is (lower case, accents stripped, ß as ss, English
 * "n't" as " not", apostrophes as spaces). A trailing `*` on a word matches any ending
 * ("frustrat*": frustrated, frustrating). Phrases beat their own words, so sign-offs such as
 * "best regards" are listed with valence 0 to keep "best" from counting.
 */

export interface SentimentLexicon {
  /** Word or phrase → valence from −3 (furious) to +3 (delighted). */
  valence: Readonly<Record<string, number>>;
  /** Thanks; discounted in a message that also asks something, where it is politeness. */
  gratitude: Readonly<Record<string, number>>;
  /** Words that flip the valence of a sentiment word shortly after them in the same clause. */
  negators: readonly string[];
  /** Word → factor on the sentiment word right after it. */
  intensifiers: Readonly<Record<string, number>>;
  /** After these, the rest of the sentence carries the weight ("thanks, but it is still broken"). */
  contrast: readonly string[];
  repeatContact: readonly string[];
  churn: readonly string[];
  legal: readonly string[];
  deadline: readonly string[];
  emergency: readonly string[];
  noRush: readonly string[];
}
