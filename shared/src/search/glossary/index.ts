/**
 * Cross-language query expansion: a ticket in Spanish, German, French or Portuguese gains the English terms
 * its support vocabulary stands for, so it can match an English knowledge base lexically.
 * Entries are folded stems matched as word prefixes (longest wins), so inflections match too.
 */
import { analyze, fold } from '../analyze.js';
import { de } from './de.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { pt } from './pt.js';

export const GLOSSARIES: Readonly<Record<string, Readonly<Record<string, string>>>> = { es, de, fr, pt };

const WORD = /[\p{L}\p{N}]+/gu;
const MIN_PREFIX = 3;

/**
 * English terms (already analysed) for the foreign words of `text`. `language` picks the
 * glossary; without it every glossary is tried, which is safe because entries are whole stems.
 */
export function expandAcrossLanguages(text: string, language?: string): string[] {
  return analyze(englishWordsFor(text, language).join(' '));
}

/**
 * The English words (as the glossaries write them, not analysed) for the foreign words of
 * `text`, in the order they occur: a rough English rendering an English-only embedder can read.
 */
export function englishWordsFor(text: string, language?: string): string[] {
  const base = language?.toLowerCase().slice(0, 2);
  if (base === 'en') return [];
  const glossaries = base !== undefined && GLOSSARIES[base] !== undefined ? [GLOSSARIES[base]] : Object.values(GLOSSARIES);
  const english: string[] = [];
  for (const match of text.matchAll(WORD)) {
    const word = fold(match[0]);
    if (word.length < MIN_PREFIX) continue;
    for (const glossary of glossaries) {
      for (let end = word.length; end >= MIN_PREFIX; end--) {
        const hit = glossary[word.slice(0, end)];
        if (hit !== undefined) {
          english.push(hit);
          break;
        }
      }
    }
  }
  return english;
}
