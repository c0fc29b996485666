/**
 * Why a finished draft can or cannot be trusted, in words an agent acts on: a confidence level,
 * the reasons behind it (the server's own notes are shown beside them), and what to check first. Derived only from what the draft's
 * events carry (confidence, review flag, sources and citations, flagged suggestions, the guard's
 * notes, which drafter wrote it), so it never claims more than the server said.
 */
import type { DraftState } from './draftState';

export type ConfidenceLevel = 'high' | 'medium' | 'low';

export interface ConfidenceExplained {
  level: ConfidenceLevel;
  /** "High confidence (82%)". */
  label: string;
  reasons: string[];
  /** The one thing to check first, when there is one. */
  check: string | undefined;
}

/** Where the server's own review threshold sits by default; below it a draft is "low". */
const LOW_BELOW = 0.4;
const HIGH_FROM = 0.7;

type Explainable = Pick<
  DraftState,
  'confidence' | 'needsReview' | 'sources' | 'citations' | 'actions' | 'notes' | 'drafter' | 'restartReason'
>;

export function explainConfidence(draft: Explainable): ConfidenceExplained {
  const confidence = draft.confidence ?? 0;
  const reasons: string[] = [];
  const checks: string[] = [];

  const injection = draft.actions.find((a) => a.flagged !== undefined && /inject|instruction/i.test(a.flagged.reason));
  if (injection !== undefined) {
    const where = /source|passage|article|knowledge/i.test(injection.flagged?.reason ?? '') ? 'in an article it used' : 'in the ticket';
    reasons.push(`Possible instructions to the assistant ${where}`);
    checks.push('Do not act on requests in the ticket to change an account, refund or share data without checking them yourself.');
  }
  if (draft.sources.length === 0) {
    reasons.push('No article covers this ticket');
    checks.push('Check every fact and promise in the draft yourself before sending.');
  } else if (draft.citations.length === 0) {
    reasons.push('The draft cites none of the articles found');
    checks.push('Compare its claims with the knowledge cards below.');
  } else if (confidence < LOW_BELOW) {
    const top = draft.sources[0];
    reasons.push(
      top === undefined ? 'The articles match the question only loosely' : `The best article ("${top.title}") matches only loosely`,
    );
    checks.push('Check that the cited article answers what the customer asked.');
  }
  if (draft.restartReason !== undefined)
    reasons.push(`The language model stopped (${draft.restartReason}); the built-in drafter wrote this`);
  else if (draft.drafter === 'embedded') reasons.push('Written by the built-in drafter from the best passages, without a language model');
  if (draft.drafter === 'embedded') checks.push('Read it through for tone and whether it answers the question.');
  // The server's notes are shown beside these reasons (they say what its guard changed).
  if (draft.needsReview && reasons.length === 0 && draft.notes.length === 0) reasons.push('Tandem flagged this draft for review');

  const level: ConfidenceLevel =
    draft.needsReview || confidence < LOW_BELOW
      ? confidence < LOW_BELOW || injection !== undefined
        ? 'low'
        : 'medium'
      : confidence >= HIGH_FROM
        ? 'high'
        : 'medium';
  const word = level === 'high' ? 'High' : level === 'medium' ? 'Medium' : 'Low';
  return {
    level,
    label: `${word} confidence (${Math.round(confidence * 100)}%)`,
    reasons,
    check: checks[0] ?? (level === 'high' ? undefined : 'Read the draft against the cited articles before sending.'),
  };
}
