/**
 * The regex list Tandem used before the scored classifier, kept unchanged as the peer the trust
 * benchmark and the corpus test compare against (it caught 9 of 30 in a user's test and flagged
 * "cancel the order and refund the $249.00 to my Visa"). Nothing in the pipeline calls it.
 */
import { fold } from '@tandem/shared/search';

const PATTERNS: readonly [RegExp, string][] = [
  [
    /\b(ignore|disregard|forget|override)\b.{0,40}\b(previous|prior|above|earlier|all|your)\b.{0,20}\b(instructions?|rules|prompts?|polic(y|ies))/,
    'asks to ignore instructions',
  ],
  [/\b(system prompt|developer message|you are now|act as (an?|the) (admin|assistant|agent|system))\b/, 'addresses the assistant directly'],
  [
    /\b(assistant|ai|model|copilot|chatbot)\b.{0,30}\b(must|should|shall|will)\b.{0,40}\b(refund|transfer|send|issue|approve|execute|cancel)\b/,
    'instructs the assistant to act',
  ],
  [/\b(refund|transfer|send|wire|pay)\b.{0,30}[$€£]\s?\d[\d,.]*\s*(?:to|into|onto)\b/, 'asks for a payment to a given destination'],
  [/\b(ignora|olvida)\b.{0,40}\binstrucciones\b/, 'asks to ignore instructions'],
  [/\b(ignoriere|vergiss)\b.{0,40}\b(anweisungen|regeln)\b/, 'asks to ignore instructions'],
  [/\b(ignore[rz]?|oublie[rz]?)\b.{0,40}\b(instructions|consignes)\b/, 'asks to ignore instructions'],
  [/<\s*(system|assistant|instructions?)\s*>|\[\s*(system|inst)\s*\]/, 'contains prompt markup'],
];

/** The reasons the old list gives for `text`; empty when it finds nothing. */
export function legacyInjectionReasons(text: string): string[] {
  const folded = fold(text).replace(/\s+/g, ' ');
  const reasons: string[] = [];
  for (const [pattern, reason] of PATTERNS) if (pattern.test(folded) && !reasons.includes(reason)) reasons.push(reason);
  return reasons;
}
