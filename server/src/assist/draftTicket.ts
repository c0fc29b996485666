/**
 * The assist pipeline for one ticket: redact PII, then analyse the ticket, retrieve knowledge and
 * load the customer's live state in parallel; stream the draft (LLM, or the embedded drafter when
 * no provider is configured or it fails) through the citation filter and the PII restorer;
 * suggest actions; finish with a confidence score. Yields `DraftEvent`s in the order clients
 * render them.
 */
import {
  ticketCustomerText,
  type DraftEvent,
  type DraftLength,
  type DraftTone,
  type TicketAnalysis,
  type TicketContext,
} from '@tandem/shared';
import { z } from 'zod';
import type { KnowledgeSearchResult } from '../knowledge/index.js';
import { detectLanguage } from '../language/languageId.js';
import type { Logger } from '../logging/logger.js';
import type { Store } from '../storage/store.js';
import type { ActionCatalog } from './actions/suggestActions.js';
import { suggestActions } from './actions/suggestActions.js';
import { ticketSignals } from './analysis/ticketSignals.js';
import { draftConfidence, sourceCoverage } from './confidence.js';
import { CitationFilter } from './drafting/citationFilter.js';
import { DrafterError, type DraftPassage, type Drafter, type DraftRequest, type DraftTool } from './drafting/drafter.js';
import { liveFacts, type LiveStateSource } from './liveState.js';
import { createStreamingRestorer, PiiVault } from './privacy/redactPii.js';
import { findInjections } from './safety/injectionDetector.js';

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

const MAX_TURNS = 12;
const MAX_TURN_CHARS = 4000;
const MAX_TOOLS = 16;

/** `intentText` is the redacted query retrieval embeds too, so the embedding is computed once. */
async function analyse(deps: AssistDeps, ticket: TicketContext, text: string, intentText: string): Promise<TicketAnalysis> {
  const language = ticket.language ?? (await detectLanguage(text)).language;
  const signals = ticketSignals(text, language);
  const intent = deps.classifyIntent === undefined ? null : await deps.classifyIntent(intentText).catch(() => null);
  return { intent, sentiment: signals.sentiment, frustration: signals.frustration, urgency: signals.urgency, language };
}

function toolsOf(catalog: ActionCatalog): DraftTool[] {
  return catalog
    .list()
    .slice(0, MAX_TOOLS)
    .map((a) => ({
      name: a.name,
      description: `${a.title}. ${a.description}`,
      risk: a.risk,
      parameters: z.toJSONSchema(a.argumentsSchema, { unrepresentable: 'any' }) as Record<string, unknown>,
    }));
}

export async function* draftTicket(
  deps: AssistDeps,
  tenantId: string,
  ticket: TicketContext,
  options: DraftOptions,
  signal: AbortSignal,
): AsyncGenerator<DraftEvent> {
  const vault = new PiiVault();
  const customerName = ticket.requester.name === undefined ? undefined : vault.redactName(ticket.requester.name);
  const subject = vault.redact(ticket.subject);
  const conversation = ticket.messages
    .filter((m) => m.authorRole === 'customer' || m.authorRole === 'agent')
    .slice(-MAX_TURNS)
    .map((m) => ({
      role: m.authorRole === 'customer' ? ('customer' as const) : ('agent' as const),
      text: vault.redact(m.body.slice(0, MAX_TURN_CHARS)),
    }));
  const text = ticketCustomerText(ticket);
  // Retrieval may embed the query with a remote provider: it gets the redacted text too.
  const query = vault.redact(text).slice(0, 4000);

  const started = performance.now();
  const timings: Record<string, number> = {};
  const timed = <T>(name: string, work: Promise<T>): Promise<T> =>
    work.finally(() => {
      timings[name] = Math.round(performance.now() - started);
    });
  const [analysis, retrieved, live] = await Promise.all([
    timed('analysisMs', analyse(deps, ticket, text, query)),
    timed('retrievalMs', query.trim().length === 0 ? Promise.resolve(undefined) : deps.search(tenantId, { query, k: options.k ?? 5 })),
    timed(
      'liveMs',
      deps.live.forTicket(tenantId, ticket, signal).catch((error: unknown) => {
        deps.log.warn({ err: error }, 'live state unavailable');
        return undefined;
      }),
    ),
  ]);
  if (signal.aborted) return;
  yield { type: 'analysis', analysis };
  void deps.recordAnalysis?.(tenantId, ticket, analysis).catch((error: unknown) => deps.log.warn({ err: error }, 'analysis not recorded'));
  const hits = retrieved?.hits ?? [];
  const sources = hits.map((hit, i) => ({
    chunkId: hit.chunkId,
    documentId: hit.documentId,
    title: hit.title,
    ...(hit.url === undefined ? {} : { url: hit.url }),
    sectionPath: hit.sectionPath,
    text: hit.text,
    score: hit.score,
    highlights: hit.highlights,
    n: i + 1,
  }));
  yield { type: 'sources', sources };
  if (live !== undefined) yield { type: 'live', state: live };

  const injections = [
    ...findInjections(text, 'ticket'),
    ...sources.flatMap((s) => findInjections(`${s.title}\n${s.text}`, `source ${s.n}`)),
  ];
  const documents = await deps.store.knowledge.documentsByIds(
    tenantId,
    sources.map((s) => s.documentId),
  );
  const languageOf = new Map(documents.map((d) => [d.id, d.language ?? undefined]));
  const passages: DraftPassage[] = sources.map((s) => ({
    n: s.n,
    title: s.title,
    text: s.text,
    sectionPath: s.sectionPath,
    url: s.url,
    language: languageOf.get(s.documentId),
  }));
  const request: DraftRequest = {
    language: analysis.language === 'und' ? 'en' : analysis.language,
    customerName,
    subject,
    conversation,
    passages,
    liveFacts: liveFacts(live).map((f) => vault.redact(f)),
    tools: toolsOf(deps.actions),
    tone: options.tone,
    length: options.length,
  };

  let drafter = deps.llm ?? deps.embedded;
  let citations = new CitationFilter(sources.length);
  let restorer = createStreamingRestorer(vault);
  let reply = '';
  let usage: { promptTokens: number; completionTokens: number; model: string } | undefined;
  let selfReported: number | undefined;
  const modelCalls: string[] = [];
  for (;;) {
    try {
      for await (const chunk of drafter.draft(request, signal)) {
        if (signal.aborted) return;
        if (chunk.kind === 'token') {
          const shown = restorer.push(citations.push(chunk.text));
          if (shown.length > 0 && timings['firstTokenMs'] === undefined) timings['firstTokenMs'] = Math.round(performance.now() - started);
          if (shown.length > 0) {
            reply += shown;
            yield { type: 'token', text: shown };
          }
        } else if (chunk.kind === 'tool-call') modelCalls.push(chunk.name);
        else if (chunk.kind === 'usage')
          usage = { promptTokens: chunk.promptTokens, completionTokens: chunk.completionTokens, model: chunk.model };
        else selfReported = chunk.value;
      }
      const rest = restorer.push(citations.flush()) + restorer.flush();
      if (rest.length > 0) {
        reply += rest;
        yield { type: 'token', text: rest };
      }
      break;
    } catch (error) {
      if (signal.aborted) return;
      if (drafter.kind !== 'llm') {
        deps.log.error({ err: error }, 'embedded draft failed');
        yield {
          type: 'error',
          error: { code: 'INTERNAL_SERVER_ERROR', message: 'The draft could not be written.', requestId: options.requestId ?? '' },
        };
        return;
      }
      const code = error instanceof DrafterError ? error.code : 'UPSTREAM_FAILED';
      deps.log.warn({ code }, 'LLM draft failed; embedded drafter answers instead');
      if (reply.length > 0) yield { type: 'restart', reason: `The language model failed (${code}); showing the built-in draft instead.` };
      drafter = deps.embedded;
      citations = new CitationFilter(sources.length);
      restorer = createStreamingRestorer(vault);
      reply = '';
      usage = undefined;
      modelCalls.length = 0;
    }
  }

  const flaggedReason =
    injections.length === 0 ? undefined : `Possible prompt injection (${injections.map((i) => `${i.where}: ${i.reason}`).join('; ')})`;
  const suggestions = suggestActions(deps.actions, {
    context: { tenantId, ticket, live },
    text,
    intent: analysis.intent?.label,
    modelCalls,
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

  const cited = citations.citations;
  const scores = sources.map((s) => s.score);
  const confidence = draftConfidence({
    topScore: scores[0] ?? 0,
    margin: (scores[0] ?? 0) - (scores[1] ?? 0),
    coverage:
      cited.length === 0
        ? 0
        : sourceCoverage(
            reply,
            cited.map((n) => sources[n - 1]?.text ?? ''),
          ),
    selfReported,
    injection: injections.length > 0,
  });
  // Phase timings, for operators tracing a slow draft (no ticket content).
  deps.log.debug({ ...timings, totalMs: Math.round(performance.now() - started), drafter: drafter.kind }, 'draft finished');
  yield {
    type: 'done',
    confidence,
    needsReview: confidence < deps.reviewThreshold || injections.length > 0,
    citations: cited,
    drafter: drafter.kind,
    ...(usage === undefined ? {} : { usage }),
  };
}
