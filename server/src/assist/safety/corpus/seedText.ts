/**
 * The shape of the injection corpus's seed texts. Every seed is our own writing (no dataset,
 * article or attack list from elsewhere); `injectionCorpus.ts` derives variations from them in code.
 */
export const CORPUS_LANGUAGES = ['en', 'es', 'de', 'fr', 'pt', 'it', 'nl', 'zh', 'ja', 'ru', 'ar'] as const;
export type CorpusLanguage = (typeof CORPUS_LANGUAGES)[number];

/** A customer's message, or a passage of a knowledge article retrieved for a draft. */
export type SeedKind = 'message' | 'passage';

export interface SeedText {
  lang: CorpusLanguage;
  kind: SeedKind;
  text: string;
  /**
   * Seeds built from one sentence in several carriers share a family, and the split is taken
   * from it (so the sentence never lands in two splits); by default a seed is its own family.
   */
  family?: string;
}

/** Seeds written as one list per language; `kind` defaults to message. */
export function seeds(lang: CorpusLanguage, texts: readonly string[], kind: SeedKind = 'message'): SeedText[] {
  return texts.map((text) => ({ lang, kind, text }));
}
