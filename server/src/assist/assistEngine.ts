/**
 * The assist engine of one server process: the draft pipeline's dependencies, the drafts in
 * flight (resumable), and action execution. Built once by createServer.
 */
import type { DraftEvent, ExecuteActionInput, Principal, TicketContext } from '@tandem/shared';
import type { KnowledgeEngine } from '../knowledge/knowledgeEngine.js';
import type { Logger } from '../logging/logger.js';
import type { Store } from '../storage/store.js';
import { executeAction } from './actions/executeAction.js';
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
}

export function createAssistEngine(options: AssistEngineOptions) {
  const runs = new DraftRuns();
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
  };
  return {
    deps,
    /** Starts drafting a reply to `ticket`; returns the id to follow. */
    start(tenantId: string, ticket: TicketContext, draftOptions: DraftOptions): string {
      return runs.start(tenantId, (s) => draftTicket(deps, tenantId, ticket, draftOptions, s)).id;
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
    execute: (principal: Principal, input: ExecuteActionInput) => executeAction(deps, principal, input),
    close(): void {
      runs.abortAll();
    },
  };
}
export type AssistEngine = ReturnType<typeof createAssistEngine>;
