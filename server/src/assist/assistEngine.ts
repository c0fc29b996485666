/**
 * The assist engine of one server process: the draft pipeline's dependencies, the drafts in
 * flight (resumable), and action execution. Built once by createServer.
 */
import type { DraftEvent, ExecuteActionInput, Principal, TicketContext } from '@tandem/shared';
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
  async function* counted(tenantId: string, events: AsyncIterable<DraftEvent>): AsyncGenerator<DraftEvent> {
    const c = countersOf(tenantId);
    c.started += 1;
    for await (const event of events) {
      if (event.type === 'done') {
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
    reviewThreshold: options.reviewThreshold ?? 0.5,
    recordAnalysis: options.recordAnalysis,
  };
  return {
    deps,
    /** Starts drafting a reply to `ticket`; returns the id to follow. */
    start(tenantId: string, ticket: TicketContext, draftOptions: DraftOptions): string {
      return runs.start(tenantId, (s) => counted(tenantId, draftTicket(deps, tenantId, ticket, draftOptions, s))).id;
    },
    /** A draft's events with their resumable ids, after `lastEventId` when reconnecting; undefined for an unknown draft. */
    follow(
      tenantId: string,
      draftId: string,
      lastEventId: string | undefined,
      signal: AbortSignal | undefined,
    ): AsyncGenerator<[string, DraftEvent]> | undefined {
      const run = runs.get(tenantId, draftId);
      return run === undefined ? undefined : runs.follow(run, DraftRuns.resumeIndex(run, lastEventId), signal);
    },
    counters: (tenantId: string): DraftCounters => ({ ...countersOf(tenantId) }),
    execute: (principal: Principal, input: ExecuteActionInput) => executeAction({ ...deps, notify: options.notify }, principal, input),
    close(): void {
      runs.abortAll();
    },
  };
}
export type AssistEngine = ReturnType<typeof createAssistEngine>;
