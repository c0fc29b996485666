/**
 * Text that tries to instruct the assistant ("ignore previous instructions", "you are now…",
 * hidden directives in a knowledge article). Detection never blocks a draft; it flags the draft
 * and its suggested actions for the agent's review, and the pipeline already never lets model
 * output choose or change an action's arguments.
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

export interface InjectionFinding {
  reason: string;
  /** Where it was found: `ticket` or a source number. */
  where: string;
}

export function findInjections(text: string, where: string): InjectionFinding[] {
  const folded = fold(text).replace(/\s+/g, ' ');
  const findings: InjectionFinding[] = [];
  for (const [pattern, reason] of PATTERNS)
    if (pattern.test(folded) && !findings.some((f) => f.reason === reason)) findings.push({ reason, where });
  return findings;
}
