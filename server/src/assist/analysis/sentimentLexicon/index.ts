/**
 * The word lists behind ticket signals, for en, es, de and fr, written for support tickets rather
 * than product reviews: valence of words and short phrases, negators, intensifiers, contrast words
 * and the cue phrases for repeat contact, churn, legal threats, deadlines, emergencies and "no rush".
 * One file per language; this module assembles them.
 */
import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import type { SentimentLexicon } from './types.js';

export { EMOJI_VALENCE } from './emoji.js';
export type { SentimentLexicon } from './types.js';

export type LexiconLanguage = 'en' | 'es' | 'de' | 'fr';

export const LEXICONS: Readonly<Record<LexiconLanguage, SentimentLexicon>> = { en, es, de, fr };
