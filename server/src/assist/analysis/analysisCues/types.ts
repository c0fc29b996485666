/**
 * The cue lists the fitted ticket analysis reads on top of the sentiment lexicon
 * (../sentimentLexicon), per language. Entries follow the lexicon's rules (./../sentimentLexicon/types.ts):
 * folded, lower case, accents stripped, "n't" as " not", apostrophes as spaces; a trailing `*`
 * matches any ending and `#` any number ("# days": "10 days", "3rd time" is "#" + "time" only
 * when written "3 time"). The base lexicon's own lists stay as they are, because the lexicon
 * baseline reads them; these lists only add.
 */

export interface AnalysisCues {
  /** Valence entries added to the base lexicon's, or overriding one of the same words. */
  valence: Readonly<Record<string, number>>;
  /** Repeat contact said outright: "third time", "I wrote last week", "nobody answered". */
  repeatContact: readonly string[];
  /** Persistence: "still", "again", "yet". Weak alone ("send it again"), telling beside a complaint. */
  persistence: readonly string[];
  /** How long it has been: "for weeks", "ten days", "since Monday", "another week". */
  waiting: readonly string[];
  /** Impatience: "I can't wait any longer", "losing patience", "hello?", "any news". */
  impatience: readonly string[];
  /** Sarcasm said outright: "thanks for nothing", "yeah right". */
  sarcasm: readonly string[];
  /** Phrases that are ironic in a message that also complains: "thanks a lot", "really impressive". */
  ironicPhrases: readonly string[];
  /** Praise that, opening a sentence of a message that also complains, is ironic: "great,", "perfect,". */
  ironicOpeners: readonly string[];
  deadline: readonly string[];
  emergency: readonly string[];
  churn: readonly string[];
  legal: readonly string[];
  noRush: readonly string[];
  /** Politeness: "please", "kind regards", "sorry to bother you". */
  politeness: readonly string[];
  /** A plain request or question: "could you", "how do I", "I would like". */
  request: readonly string[];
}
