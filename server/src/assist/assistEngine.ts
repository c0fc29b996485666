/**
 * The assist engine of one server process: the draft pipeline's dependencies, the drafts in
 * flight (resumable), and action execution. Built once by createServer.
 */
import type { DraftEvent, DraftFeedback, ExecuteActionInput, Principal, TicketContext } from '@tandem/shared';
import { ServiceError } from '../errors/serviceError.js';
import type { KnowledgeEngine } from '../knowledge/index.js';
import type { Logger } from '../logging/logger.js';
import type { Store } from '../storage/store.js';
import { executeAction, type ExecuteDeps } from './actions/executeAction.js';
import type { ActionCatalog } from './actions/suggestActions.js';
import { draftTicket, type AssistDeps, type DraftOptions, type IntentGuess } from './draftTicket.js';
import { DraftRuns } from './draftRuns.js';
import type { Drafter } from './drafting/drafter.js';
import { EmbeddedDrafter } from './drafting/embeddedDrafter.js';
import { noLiveState, type LiveStateSource } from './liveState.js';
import { assistPolicies } from './policy/assistPolicy.js';
import { CONFIDENCE_MODEL_VERSION, SHIPPED_REVIEW_THRESHOLD } from './confidence/answerConfidence.js';
import { refitReviewThreshold, reviewThresholdStatus, type ThresholdContext } from './confidence/workspaceThreshold.js';

export interface AssistEngineOptions {
  store: Store;
  knowledge: Pick<KnowledgeEngine, 'search'>;
  log: Logger;
  actions: ActionCatalog;
  llm: Drafter | undefined;
  live?: LiveStateSource | undefined;
  classifyIntent?: ((text: string) => Promise<IntentGuess | null>) | undefined;
  reviewThreshold?: number | undefined;
  recordAnalysis?: AssistDeps['recordAnalysis'];
  notify?: ExecuteDeps['notify'];
  linkDomains?: AssistDeps['linkDomains'];
}

/** Per-workspace draft counters since the process started (the console's live metrics read them). */
export interface DraftCounters {
  started: number;
  /** Marked for review: confidence below the threshold, or a possible prompt injection. */
  flagged: number;
  /** Answered by the embedded drafter although an LLM is configured (the provider failed). */
  fallbacks: number;
  errors: number;
}

export function createAssistEngine(options: AssistEngineOptions) {
  const runs = new DraftRuns();
  const counters = new Map<string, DraftCounters>();
  const countersOf = (tenantId: string): DraftCounters => {
    let c = counters.get(tenantId);
    if (c === undefined) {
      c = { started: 0, flagged: 0, fallbacks: 0, errors: 0 };
      counters.set(tenantId, c);
    }
    return c;
  };
  async function* counted(tenantId: string, draft: { id: string }, events: AsyncIterable<DraftEvent>): AsyncGenerator<DraftEvent> {
    const c = countersOf(tenantId);
    c.started += 1;
    for await (const event of events) {
      if (event.type === 'done') {
        // Kept so the workspace's feedback on this draft can choose its review threshold later.
        options.store.draftScores
          .record(tenantId, draft.id, event.confidence, CONFIDENCE_MODEL_VERSION)
          .catch((error: unknown) => options.log.warn({ err: error }, 'draft confidence not stored'));
        if (event.needsReview) c.flagged += 1;
        if (event.drafter === 'embedded' && options.llm !== undefined) c.fallbacks += 1;
      } else if (event.type === 'error') c.errors += 1;
      yield event;
    }
  }
  const deps: AssistDeps = {
    search: (tenantId, query) => options.knowledge.search(tenantId, query),
    store: options.store,
    actions: options.actions,
    live: options.live ?? noLiveState,
    llm: options.llm,
    embedded: new EmbeddedDrafter(),
    classifyIntent: options.classifyIntent,
    log: options.log,
    reviewThreshold: options.reviewThreshold ?? SHIPPED_REVIEW_THRESHOLD,
    recordAnalysis: options.recordAnalysis,
    linkDomains: options.linkDomains,
  };
  const thresholds: ThresholdContext = {
    store: options.store,
    defaultThreshold: deps.reviewThreshold,
    modelVersion: CONFIDENCE_MODEL_VERSION,
  };
  /** Starts drafting a reply to `ticket`; returns the id to follow. */
  function start(tenantId: string, ticket: TicketContext, draftOptions: DraftOptions): string {
    // The run's id is known once start returns, long before the draft is done and its score stored.
    const draft = { id: '' };
    draft.id = runs.start(tenantId, (s) => counted(tenantId, draft, draftTicket(deps, tenantId, ticket, draftOptions, s))).id;
    return draft.id;
  }
  /** A draft's events with their resumable ids, after `lastEventId` when reconnecting; undefined for an unknown draft. */
  function follow(
    tenantId: string,
    draftId: string,
    lastEventId: string | undefined,
    signal: AbortSignal | undefined,
  ): AsyncGenerator<[string, DraftEvent]> | undefined {
    const run = runs.get(tenantId, draftId);
    return run === undefined ? undefined : runs.follow(run, DraftRuns.resumeIndex(run, lastEventId), signal);
  }
  return {
    deps,
    start,
    follow,
    /**
     * The draft to follow for a ticket given inline: a reconnect carries the last event id, which
     * names the draft already running for it; otherwise a new one starts.
     */
    startOrResume(tenantId: string, ticket: TicketContext, draftOptions: DraftOptions, lastEventId: string | undefined): string {
      const resumed = /^(dr_[0-9a-f-]{36}):\d+$/.exec(lastEventId ?? '')?.[1];
      return resumed ?? start(tenantId, ticket, draftOptions);
    },
    /** Like `follow`, but a draft that is gone (finished long ago, another process) is a NOT_FOUND. */
    followExisting(tenantId: string, draftId: string, lastEventId: string | undefined, signal: AbortSignal | undefined) {
      const events = follow(tenantId, draftId, lastEventId, signal);
      if (events === undefined) throw new ServiceError('NOT_FOUND', 'No such draft (it may have expired): start a new one');
      return events;
    },
    counters: (tenantId: string): DraftCounters => ({ ...countersOf(tenantId) }),
    /** The workspace's assist policy (whether flagged knowledge passages are left out of drafts). */
    policy: assistPolicies(options.store),
    /**
     * The agent's rating of a draft and/or what became of it; reports for one draft merge. Drafts
     * live in memory for minutes and an outcome can come much later (the reply is sent after
     * edits), so the draft id is not checked against running drafts; rows are scoped by tenant.
     */
    async feedback(principal: Principal, input: DraftFeedback) {
      const stored = await options.store.feedback.record({
        tenantId: principal.tenantId,
        draftId: input.draftId,
        tokenId: principal.tokenId,
        rating: input.rating,
        outcome: input.outcome,
        keptRatio: input.keptRatio,
      });
      // Each verdict may move the workspace's own review threshold; failing to refit never loses feedback.
      await refitReviewThreshold(thresholds, principal.tenantId).catch((error: unknown) =>
        options.log.warn({ err: error }, 'review threshold not refitted'),
      );
      return {
        draftId: stored.draftId,
        rating: stored.rating,
        outcome: stored.outcome,
        keptRatio: stored.keptRatio,
        updatedAt: stored.updatedAt,
      };
    },
    /** The review threshold the workspace's drafts are flagged below, and whether its own feedback chose it. */
    reviewThreshold: (tenantId: string) => reviewThresholdStatus(thresholds, tenantId),
    /** This process's draft counters for the workspace, with the workspace's feedback counts from its whole history. */
    async stats(tenantId: string) {
      return { ...countersOf(tenantId), ...(await options.store.feedback.counts(tenantId)) };
    },
    execute: (principal: Principal, input: ExecuteActionInput) => executeAction({ ...deps, notify: options.notify }, principal, input),
    close(): void {
      runs.abortAll();
    },
  };
}
export type AssistEngine = ReturnType<typeof createAssistEngine>;
