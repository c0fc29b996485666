/**
 * One autonomous answer: the assist pipeline's three stages (prepare, stream with fallback,
 * finish) run for a customer instead of an agent, with the widget's rules on top. The ticket is
 * normalised as every untrusted ticket is; PII is redacted before the model, injections are
 * scored, the output guard checks the reply — all inside the stages. What this adds is when to
 * stop for a person (handoffRules.ts) and what to tell the caller: the answer with its citations
 * and confidence, or why it is withheld, and the change the customer asked for.
 *
 * In the widget (`stopAtHandoff`) a handoff that is certain before drafting stops there, so no
 * token is shown; the `/v1` API drafts anyway and reports the handoff beside the answer.
 */
import type { ActionSuggestion, CitedSource, TicketAnalysis, TicketContext, WidgetHandoffReason } from '@tandem/shared';
import {
  finishDraft,
  PhaseTimings,
  prepareDraft,
  streamWithFallback,
  suggestActions,
  type AssistDeps,
  type DraftJob,
  type LiveStateSource,
  type PreparedDraft,
} from '../assist/index.js';
import { normaliseTicket } from '../security/untrustedTicket.js';
import type { CachedCitation } from './answerCache.js';
import { asksForHuman, isClearlyUpset, knowledgeHandoff, requestedAction, type RequestedAction } from './handoffRules.js';

export interface AutonomousRequest {
  tenantId: string;
  ticket: TicketContext;
  /** An answer scoring below this is withheld. */
  threshold: number;
  /** The live state this answer may read: a verified customer's, or none. */
  live: LiveStateSource;
  /** Stop before drafting when a handoff is already certain (the widget); the API drafts anyway. */
  stopAtHandoff: boolean;
  requestId?: string | undefined;
  signal: AbortSignal;
}

/** What the caller shows while the answer is written. */
export type AutonomousProgress = { type: 'typing' } | { type: 'token'; text: string } | { type: 'restart' };

export interface AutonomousOutcome {
  /** The written answer; absent when stopped before drafting or when every drafter failed. */
  answer?:
    | {
        text: string;
        citations: CachedCitation[];
        confidence: number;
        drafter: 'llm' | 'embedded';
        /** The model's token counts, when an LLM wrote it. */
        usage?: { promptTokens: number; completionTokens: number; model: string } | undefined;
      }
    | undefined;
  /** Why a person should take over; with `withheld`, the answer must not be shown. */
  handoff?: WidgetHandoffReason | undefined;
  withheld: boolean;
  analysis?: TicketAnalysis | undefined;
  /** The change the customer asked for, pre-filled (and stored as a suggestion an agent can run). */
  pendingAction?: ActionSuggestion | undefined;
  /** Whether per-customer data (live context) was read: such an answer is never cached. */
  personalised: boolean;
}

const SOURCES_RETRIEVED = 5;

/** Runs a generator to its end, handing each event to `onEvent`; returns its result. */
async function run<E, R>(gen: AsyncGenerator<E, R>, onEvent: (event: E) => void = () => undefined): Promise<R> {
  for (;;) {
    const step = await gen.next();
    if (step.done === true) return step.value;
    onEvent(step.value);
  }
}

/** Only http(s) links go to a customer: a knowledge source's URL is the workspace's text, not a checked one. */
function safeUrl(url: string | undefined): string | undefined {
  if (url === undefined || !URL.canParse(url)) return undefined;
  const protocol = new URL(url).protocol;
  return protocol === 'http:' || protocol === 'https:' ? url : undefined;
}

export function citationsFor(sources: readonly CitedSource[], cited: readonly number[]): CachedCitation[] {
  return cited.flatMap((n) => {
    const source = sources[n - 1];
    if (source === undefined) return [];
    const url = safeUrl(source.url);
    return [{ n, title: source.title, ...(url === undefined ? {} : { url }), documentId: source.documentId, chunkId: source.chunkId }];
  });
}

/** The write action the customer asked for among fresh suggestions for the ticket; saved so an agent can run it by id. */
async function requestedFromTicket(deps: AssistDeps, job: DraftJob, prepared: PreparedDraft): Promise<RequestedAction | undefined> {
  const context = { tenantId: job.tenantId, ticket: job.ticket, live: prepared.live };
  const suggestions = suggestActions(deps.actions, { context, text: prepared.text, intent: prepared.analysis.intent?.label });
  const requested = requestedAction(deps.actions, suggestions, context);
  if (requested?.kind === 'change') {
    const s = requested.suggestion;
    await deps.store.actions.saveSuggestions([
      {
        id: s.id,
        tenantId: job.tenantId,
        ticketId: job.ticket.ticketId,
        action: s.action,
        risk: s.risk,
        arguments: s.arguments,
        flaggedReason: null,
      },
    ]);
  }
  return requested;
}

/**
 * Yields progress while the answer is written and returns the outcome; returns undefined when the
 * request was aborted (a newer message, a person took over, the server stops).
 */
export async function* answerAutonomously(
  deps: AssistDeps,
  request: AutonomousRequest,
): AsyncGenerator<AutonomousProgress, AutonomousOutcome | undefined> {
  const { signal } = request;
  const ticket = normaliseTicket(request.ticket);
  const latest = ticket.messages.findLast((m) => m.authorRole === 'customer')?.body ?? '';
  const askedForPerson = asksForHuman(latest);
  if (askedForPerson && request.stopAtHandoff) return { handoff: 'asked-for-human', withheld: true, personalised: false };

  const job: DraftJob = {
    tenantId: request.tenantId,
    ticket,
    options: { k: SOURCES_RETRIEVED, requestId: request.requestId },
    signal,
    timings: new PhaseTimings(),
  };
  const stageDeps: AssistDeps = { ...deps, live: request.live };
  const prepared = await run(prepareDraft(stageDeps, job));
  if (prepared === undefined || signal.aborted) return undefined;
  const { analysis, sources } = prepared;
  const personalised = prepared.live !== undefined;
  const early: WidgetHandoffReason | undefined =
    prepared.injections.length > 0
      ? 'needs-review'
      : isClearlyUpset(analysis)
        ? 'negative-sentiment'
        : knowledgeHandoff(
            { confidence: prepared.answer.confidence, sourcesAnswer: prepared.request.sourcesAnswer === true, sources: sources.length },
            request.threshold,
          );
  if (early !== undefined && request.stopAtHandoff) {
    const requested = await requestedFromTicket(deps, job, prepared);
    return {
      handoff: early,
      withheld: true,
      analysis,
      personalised,
      pendingAction: requested?.kind === 'change' ? requested.suggestion : undefined,
    };
  }

  yield { type: 'typing' };
  const stream = streamWithFallback(stageDeps, job, prepared);
  let streamed;
  for (;;) {
    const step = await stream.next();
    if (step.done === true) {
      streamed = step.value;
      break;
    }
    const event = step.value;
    if (event.type === 'token') yield { type: 'token', text: event.text };
    else if (event.type === 'restart') yield { type: 'restart' };
  }
  if (signal.aborted) return undefined;
  if (streamed === undefined) return { handoff: 'unavailable', withheld: true, analysis, personalised };

  const finished: { suggestions: ActionSuggestion[]; done?: { confidence: number; citations: number[] } } = { suggestions: [] };
  await run(finishDraft(stageDeps, job, prepared, streamed), (event) => {
    if (event.type === 'actions') finished.suggestions = event.actions;
    else if (event.type === 'done') finished.done = event;
  });
  const { done, suggestions } = finished;
  if (done === undefined || signal.aborted) return undefined;
  const context = { tenantId: job.tenantId, ticket, live: prepared.live };
  const requested = requestedAction(deps.actions, suggestions, context);
  const answer = {
    text: streamed.reply,
    citations: citationsFor(sources, done.citations),
    confidence: done.confidence,
    drafter: streamed.drafter,
  };
  // The most specific reason first; only a requested change leaves the answer to be shown.
  const handoff: WidgetHandoffReason | undefined =
    prepared.injections.length > 0
      ? 'needs-review'
      : (early ??
        (done.confidence < request.threshold
          ? 'low-confidence'
          : askedForPerson || requested?.kind === 'person'
            ? 'asked-for-human'
            : requested?.kind === 'change'
              ? 'action-needed'
              : undefined));
  return {
    answer,
    handoff,
    withheld: handoff !== undefined && handoff !== 'action-needed',
    analysis,
    personalised,
    pendingAction: requested?.kind === 'change' ? requested.suggestion : undefined,
  };
}
