/**
 * The fitted analysis's cue lists for en, es, de and fr (./types.ts explains them); one file per language.
 */
import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import type { AnalysisCues } from './types.js';

export type { AnalysisCues } from './types.js';

export const ANALYSIS_CUES: Readonly<Record<'en' | 'es' | 'de' | 'fr', AnalysisCues>> = { en, es, de, fr };
