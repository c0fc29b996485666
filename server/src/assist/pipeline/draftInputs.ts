/**
 * What the draft pipeline is given: its dependencies, the agent's options, and the job that
 * ties one ticket's draft together as it passes through prepare, stream and finish.
 */
import type { DraftLength, DraftTone, TicketAnalysis, TicketContext } from '@tandem/shared';
import type { KnowledgeSearchResult } from '../../knowledge/index.js';
import type { Logger } from '../../logging/logger.js';
import type { Store } from '../../storage/store.js';
import type { ActionCatalog } from '../actions/suggestActions.js';
import type { Drafter } from '../drafting/drafter.js';
import type { LiveStateSource } from '../liveState.js';
import type { PhaseTimings } from './phaseTimings.js';

export interface IntentGuess {
  label: string;
  confidence: number;
}

export interface AssistDeps {
  search(tenantId: string, query: { query: string; k: number }): Promise<KnowledgeSearchResult>;
  store: Store;
  actions: ActionCatalog;
  live: LiveStateSource;
  /** The configured LLM; undefined when no provider is configured. */
  llm: Drafter | undefined;
  embedded: Drafter;
  classifyIntent?: ((text: string) => Promise<IntentGuess | null>) | undefined;
  log: Logger;
  /** Below this confidence a draft is marked for review. */
  reviewThreshold: number;
  /** Feeds the analysis back to the live context (frustration triggers); failures never stop a draft. */
  recordAnalysis?: ((tenantId: string, ticket: TicketContext, analysis: TicketAnalysis) => Promise<void>) | undefined;
  /** Domains a workspace's drafts may link to besides its sources' hosts (the output guard); none when unset. */
  linkDomains?: ((tenantId: string) => readonly string[] | Promise<readonly string[]>) | undefined;
}

export interface DraftOptions {
  tone?: DraftTone | undefined;
  /** Short, medium or long reply; unset leaves it to the tone. */
  length?: DraftLength | undefined;
  /** Sources retrieved for the draft. */
  k?: number | undefined;
  /** Carried into typed errors so support can find the request in the logs. */
  requestId?: string | undefined;
}

/** One ticket's draft in flight: the same for every stage, so no stage needs a long parameter list. */
export interface DraftJob {
  tenantId: string;
  ticket: TicketContext;
  options: DraftOptions;
  /** Aborts when the agent leaves; every stage stops without another event. */
  signal: AbortSignal;
  timings: PhaseTimings;
}
