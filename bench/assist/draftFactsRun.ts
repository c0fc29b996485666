/**
 * The draft evaluation, without the command line: every ticket of a split goes through the real
 * assist pipeline (`draftTicket` via the assist engine: normalising, PII redaction, analysis,
 * retrieval from the ticket's knowledge base, the drafter, citation filter, restorer, output
 * guard, confidence) with the embedded drafter, or with the configured LLM drafter. Each draft is
 * checked against its ticket's labelled facts (draftFacts.ts): the facts it states, the wrong
 * facts it states, and whether the draft was marked for review. The sources it was given are
 * checked too, as the ceiling an extractive drafter could reach with that retrieval.
 *
 * Knowledge bases are built as the retrieval evaluation builds them (same engine, same cached
 * vectors). The intent classifier is not fitted (drafts carry no intent), as on a fresh server.
 */
import type { DraftEvent, TicketContextInput } from '../../shared/src/index.js';
import { ticketContextSchema } from '../../shared/src/index.js';
import { createAssistEngine } from '../../server/src/assist/assistEngine.js';
import { CircuitBreaker } from '../../server/src/assist/drafting/circuitBreaker.js';
import type { Drafter } from '../../server/src/assist/drafting/drafter.js';
import { LlmDrafter } from '../../server/src/assist/drafting/llmDrafter.js';
import { loadEvalCorpus, missingData } from '../../server/src/cli/evalKnowledgeBases.js';
import { buildEvalEngine, EVAL_TENANT } from '../../server/src/cli/evalRetrieval.js';
import { loadLabelledTickets, type KnowledgeBaseName, type LabelledTicket, type Split } from '../../server/src/cli/labelledTickets.js';
import type { ServerConfig } from '../../server/src/config/env.js';
import type { Embedder } from '../../server/src/knowledge/embedding/embedder.js';
import { createLogger } from '../../server/src/logging/logger.js';
import { checkFacts, type FactCheck } from './draftFacts.js';

export type DrafterChoice = 'embedded' | 'llm';

export interface DraftOutcome {
  ticketId: string;
  split: Split | undefined;
  kb: KnowledgeBaseName;
  language: string;
  answerable: boolean;
  drafter: 'llm' | 'embedded' | 'error';
  draft: string;
  confidence: number;
  needsReview: boolean;
  facts: FactCheck;
  /** The same check over the text of the sources the drafter was given. */
  sourceFacts: FactCheck;
  ms: number;
}

export interface DraftEvaluationOptions {
  set: string;
  /** Splits to draft (each outcome records its split). */
  splits: readonly Split[];
  kbs: readonly KnowledgeBaseName[];
  dataRoot: string;
  drafter: DrafterChoice;
  /** Where each knowledge base's store and vectors persist between runs. */
  cacheDir: (kb: KnowledgeBaseName) => string;
}

export interface DraftEvaluation {
  drafter: DrafterChoice;
  outcomes: DraftOutcome[];
  skipped: { kb: KnowledgeBaseName; missing: string }[];
}

const NO_ACTIONS = { list: () => [], get: () => undefined };

/** The ticket as a helpdesk would hand it to Tandem: one customer message, no requester name. */
export function ticketContextOf(ticket: LabelledTicket): TicketContextInput {
  return {
    site: 'api',
    ticketId: ticket.id,
    subject: ticket.subject ?? '',
    requester: {},
    messages: [{ authorRole: 'customer', body: ticket.ticket }],
  };
}

/** The configured LLM drafter, or undefined when no provider is configured (the evaluation is then skipped). */
export function configuredLlmDrafter(config: ServerConfig): Drafter | undefined {
  const { baseUrl, apiKey, model } = config.llm;
  if (baseUrl === undefined && apiKey === undefined) return undefined;
  return new LlmDrafter({ baseUrl, apiKey, model, breaker: new CircuitBreaker({ failureThreshold: 1000 }) });
}

function requiredFacts(ticket: LabelledTicket) {
  const answered = ticket.questions.filter((q) => q.answerable);
  return { required: answered.flatMap((q) => q.facts), forbidden: ticket.questions.flatMap((q) => q.forbidden) };
}

/**
 * Drafts every selected ticket; returns undefined for the LLM drafter when none is configured.
 * Knowledge bases whose data is missing are skipped and named.
 */
export async function evaluateDrafts(
  options: DraftEvaluationOptions,
  config: ServerConfig,
  embedder: Embedder | undefined,
): Promise<DraftEvaluation | undefined> {
  const llm = options.drafter === 'llm' ? configuredLlmDrafter(config) : undefined;
  if (options.drafter === 'llm' && llm === undefined) return undefined;
  const tickets = (await loadLabelledTickets(options.set)).filter(
    (t) => options.kbs.includes(t.kb) && t.split !== undefined && options.splits.includes(t.split),
  );
  const outcomes: DraftOutcome[] = [];
  const skipped: DraftEvaluation['skipped'] = [];
  for (const kb of options.kbs) {
    const ofKb = tickets.filter((t) => t.kb === kb);
    if (ofKb.length === 0) continue;
    const missing = missingData(kb, options.dataRoot);
    if (missing !== undefined) {
      skipped.push({ kb, missing });
      continue;
    }
    const built = await buildEvalEngine(await loadEvalCorpus(kb, options.dataRoot), config, embedder, {
      dataDir: options.cacheDir(kb),
      quiet: true,
    });
    const assist = createAssistEngine({
      store: built.store,
      knowledge: built.engine,
      log: createLogger('silent'),
      actions: NO_ACTIONS,
      llm,
      reviewThreshold: config.assist.reviewThreshold,
    });
    try {
      for (const ticket of ofKb) outcomes.push(await draftOne(assist, ticket));
    } finally {
      assist.close();
      await built.engine.stop();
      await built.store.close();
    }
  }
  return { drafter: options.drafter, outcomes, skipped };
}

async function draftOne(assist: ReturnType<typeof createAssistEngine>, ticket: LabelledTicket): Promise<DraftOutcome> {
  const started = performance.now();
  const draftId = assist.start(EVAL_TENANT, ticketContextSchema.parse(ticketContextOf(ticket)), {});
  let text = '';
  let sources = '';
  let done: Extract<DraftEvent, { type: 'done' }> | undefined;
  for await (const [, event] of assist.followExisting(EVAL_TENANT, draftId, undefined, undefined)) {
    if (event.type === 'token') text += event.text;
    else if (event.type === 'restart') text = '';
    else if (event.type === 'sources') sources = event.sources.map((s) => `${s.title}\n${s.text}`).join('\n');
    else if (event.type === 'done') done = event;
    if (event.type === 'done' || event.type === 'error') break;
  }
  const { required, forbidden } = requiredFacts(ticket);
  return {
    ticketId: ticket.id,
    split: ticket.split,
    kb: ticket.kb,
    language: ticket.language,
    answerable: ticket.answerable,
    drafter: done?.drafter ?? 'error',
    draft: text,
    confidence: done?.confidence ?? 0,
    needsReview: done?.needsReview ?? true,
    facts: checkFacts(text, required, forbidden),
    sourceFacts: checkFacts(sources, required, forbidden),
    ms: performance.now() - started,
  };
}
