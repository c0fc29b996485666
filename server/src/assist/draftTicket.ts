/**
 * The assist pipeline for one ticket, normalised first (`normaliseTicket`), in three stages
 * (./pipeline): prepare (redact PII; analyse, retrieve and load live state in parallel; build the
 * prompt), stream with fallback (LLM or embedded drafter through the citation filter and PII
 * restorer), finish (suggested actions, confidence, review flag). Yields `DraftEvent`s in the order
 * clients render them.
 */
import type { DraftEvent, TicketContext } from '@tandem/shared';
import { normaliseTicket } from '../security/untrustedTicket.js';
import type { AssistDeps, DraftOptions } from './pipeline/draftInputs.js';
import { finishDraft } from './pipeline/finishDraft.js';
import { PhaseTimings } from './pipeline/phaseTimings.js';
import { prepareDraft } from './pipeline/prepareDraft.js';
import { streamWithFallback } from './pipeline/streamWithFallback.js';

export type { AssistDeps, DraftOptions, IntentGuess } from './pipeline/draftInputs.js';

export async function* draftTicket(
  deps: AssistDeps,
  tenantId: string,
  ticket: TicketContext,
  options: DraftOptions,
  signal: AbortSignal,
): AsyncGenerator<DraftEvent> {
  // Every stage reads the normalised ticket: detectors, the redactor and the model see one clean text.
  const job = { tenantId, ticket: normaliseTicket(ticket), options, signal, timings: new PhaseTimings() };
  // A stage returns undefined when the draft was aborted or its error already went out: nothing more follows.
  const prepared = yield* prepareDraft(deps, job);
  if (prepared === undefined) return;
  const streamed = yield* streamWithFallback(deps, job, prepared);
  if (streamed === undefined) return;
  yield* finishDraft(deps, job, prepared, streamed);
}
