/**
 * Figures of a draft evaluation for one group of drafts (a split, a language group): the share of
 * required facts the drafts state (over all facts of answerable tickets), the share of answerable
 * drafts stating every fact, the share of drafts stating a wrong (forbidden) fact, the same two
 * for the sources the drafter was given, and how often drafts were marked for review, answerable
 * and unanswerable tickets apart (the targets: at most 20% and at least 80%).
 */
import { percentile } from '../../server/src/cli/retrievalMetrics.js';
import type { DraftOutcome } from './draftFactsRun.js';

export interface DraftSummary {
  drafts: number;
  answerable: number;
  facts: number;
  factCoverage: number;
  allFactsShare: number;
  forbiddenShare: number;
  sourceFactCoverage: number;
  sourceForbiddenShare: number;
  flaggedAnswerable: number;
  flaggedUnanswerable: number;
  unanswerable: number;
  errors: number;
  msP50: number;
  msP95: number;
}

const share = (n: number, of: number) => (of === 0 ? 0 : n / of);

export function summariseDrafts(outcomes: readonly DraftOutcome[]): DraftSummary {
  const answerable = outcomes.filter((o) => o.answerable);
  const unanswerable = outcomes.filter((o) => !o.answerable);
  const facts = answerable.reduce((n, o) => n + o.facts.required, 0);
  const sum = (f: (o: DraftOutcome) => number) => answerable.reduce((n, o) => n + f(o), 0);
  return {
    drafts: outcomes.length,
    answerable: answerable.length,
    facts,
    factCoverage: share(
      sum((o) => o.facts.present),
      facts,
    ),
    allFactsShare: share(answerable.filter((o) => o.facts.present === o.facts.required).length, answerable.length),
    forbiddenShare: share(outcomes.filter((o) => o.facts.forbidden.length > 0).length, outcomes.length),
    sourceFactCoverage: share(
      sum((o) => o.sourceFacts.present),
      facts,
    ),
    sourceForbiddenShare: share(outcomes.filter((o) => o.sourceFacts.forbidden.length > 0).length, outcomes.length),
    flaggedAnswerable: share(answerable.filter((o) => o.needsReview).length, answerable.length),
    flaggedUnanswerable: share(unanswerable.filter((o) => o.needsReview).length, unanswerable.length),
    unanswerable: unanswerable.length,
    errors: outcomes.filter((o) => o.drafter === 'error').length,
    msP50: percentile(
      outcomes.map((o) => o.ms),
      50,
    ),
    msP95: percentile(
      outcomes.map((o) => o.ms),
      95,
    ),
  };
}
