/**
 * The draft pipeline's last stage: suggest actions (saved, so an agent can run them later by id),
 * score the draft's confidence, flag it for review when that is low, an injection was found or
 * the output guard had to change the reply, and close with `done`, with notes for the agent on
 * what the guard changed and which messages the model saw shortened.
 */
import type { DraftEvent } from '@tandem/shared';
import { suggestActions } from '../actions/suggestActions.js';
import { guardNote, shortenedNote } from './draftNotes.js';
import type { AssistDeps, DraftJob } from './draftInputs.js';
import type { PreparedDraft } from './prepareDraft.js';
import { MAX_TURN_CHARS } from './shortenTurn.js';
import type { StreamedReply } from './streamWithFallback.js';

export type FinishDeps = Pick<AssistDeps, 'actions' | 'store' | 'log'>;

/** Yields `actions`, then `done`. */
export async function* finishDraft(
  deps: FinishDeps,
  job: Pick<DraftJob, 'tenantId' | 'ticket' | 'timings'>,
  prepared: Pick<PreparedDraft, 'text' | 'analysis' | 'live' | 'injections' | 'shortenedTurns' | 'answer'>,
  streamed: StreamedReply,
): AsyncGenerator<DraftEvent, void> {
  const { tenantId, ticket, timings } = job;
  const { text, analysis, live, injections } = prepared;
  const flaggedReason =
    injections.length === 0 ? undefined : `Possible prompt injection (${injections.map((i) => `${i.where}: ${i.reason}`).join('; ')})`;
  const suggestions = suggestActions(deps.actions, {
    context: { tenantId, ticket, live },
    text,
    intent: analysis.intent?.label,
    modelCalls: streamed.modelCalls,
    flaggedReason,
  });
  await deps.store.actions.saveSuggestions(
    suggestions.map((s) => ({
      id: s.id,
      tenantId,
      ticketId: ticket.ticketId,
      action: s.action,
      risk: s.risk,
      arguments: s.arguments,
      flaggedReason: s.flagged?.reason ?? null,
    })),
  );
  yield { type: 'actions', actions: suggestions };

  const cited = streamed.citations;
  // The calibrated probability that the sources answer the ticket (answerConfidence.ts), scored
  // before drafting; the review threshold is the workspace's own once its feedback chose one.
  const { confidence, threshold } = prepared.answer;
  deps.log.debug({ ...timings.summary(), drafter: streamed.drafter }, 'draft finished');
  const guarded = guardNote(streamed.guard);
  const notes = [guarded, shortenedNote(prepared.shortenedTurns, MAX_TURN_CHARS)].filter((n) => n !== undefined);
  yield {
    type: 'done',
    confidence,
    needsReview: confidence < threshold || injections.length > 0 || guarded !== undefined,
    citations: cited,
    drafter: streamed.drafter,
    ...(streamed.usage === undefined ? {} : { usage: streamed.usage }),
    ...(notes.length === 0 ? {} : { notes }),
  };
}
