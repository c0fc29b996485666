/**
 * The draft pipeline's first stage: redact the ticket's PII, then analyse the ticket, retrieve
 * knowledge and load the customer's live state in parallel, report them to the client
 * (`analysis`, `sources`, `live`), and build the prompt the drafters receive. Nothing that
 * leaves this stage for a drafter or a search provider carries PII: the ticket (normalised by
 * draftTicket), the knowledge passages and the live facts are all redacted with one vault, after
 * it has learned the names any of them introduces, so one person or card has one placeholder.
 */
import {
  ticketCustomerText,
  type CitedSource,
  type CustomerLiveState,
  type DraftEvent,
  type TicketAnalysis,
  type TicketContext,
} from '@tandem/shared';
import { queryToEmbed } from '../../knowledge/index.js';
import { detectLanguage } from '../../language/languageId.js';
import { draftToolsOf } from '../actions/draftTools.js';
import { ticketSignalsOf } from '../analysis/ticketSignals.js';
import { answerConfidence, CONFIDENCE_MODEL_VERSION, NO_ANSWER_BELOW } from '../confidence/answerConfidence.js';
import { readReviewThreshold } from '../confidence/workspaceThreshold.js';
import type { DraftPassage, DraftRequest } from '../drafting/drafter.js';
import { greetingName } from '../drafting/greetingName.js';
import { liveFacts } from '../liveState.js';
import { PiiScans, type PiiVault } from '../../security/redactPii.js';
import { vaultForTicket } from '../../security/ticketRedaction.js';
import { DEFAULT_ASSIST_POLICY, readAssistPolicy } from '../policy/assistPolicy.js';
import type { InjectionFinding } from '../safety/injectionDetector.js';
import { markFlaggedTurns, passageFindings, screenPassages, screenTicket, ticketTurnsFor } from '../safety/screenDraftInputs.js';
import type { AssistDeps, DraftJob } from './draftInputs.js';
import { draftConversation } from './draftConversation.js';

const MAX_QUERY_CHARS = 4000;

/**
 * Scans of knowledge passages, shared by every draft: the same passages come back in draft after
 * draft, and scanning them was the largest share of a draft's redaction time. Only knowledge text
 * (already held by the knowledge index) goes in, never a customer's; each draft's vault still
 * redacts every passage with its own names and placeholders.
 */
const passageScans = new PiiScans();

export type PrepareDeps = Pick<
  AssistDeps,
  'search' | 'store' | 'actions' | 'live' | 'classifyIntent' | 'log' | 'recordAnalysis' | 'reviewThreshold' | 'linkDomains'
>;

/** What the later stages need of the prepared ticket. */
export interface PreparedDraft {
  /** Holds the real values behind the placeholders; only the stream's restorer reads it. */
  vault: PiiVault;
  /** The customer's own words, unredacted: action suggestions match them in the server. */
  text: string;
  analysis: TicketAnalysis;
  sources: CitedSource[];
  live: CustomerLiveState | undefined;
  /** Instructions hidden in the ticket or the sources; any of them flags the draft for review. */
  injections: InjectionFinding[];
  request: DraftRequest;
  /** Messages cut for the model at MAX_TURN_CHARS (their text ends in "[message shortened]"). */
  shortenedTurns: number;
  /** The probability that the sources answer the ticket, and the workspace's review threshold. */
  answer: { confidence: number; threshold: number };
  /**
   * The domains the output guard lets the reply link to besides its sources, read from the store
   * while the draft was prepared, so the stream stage does not wait for the store again before it
   * calls the model. Undefined without `linkDomains`; a failed read fails the stream as before.
   */
  linkDomains?: Promise<readonly string[]> | undefined;
}

/**
 * Yields `analysis`, `sources` and `live` (when there is any), and returns the prepared draft;
 * returns undefined when the job was aborted while the parallel work ran.
 */
export async function* prepareDraft(deps: PrepareDeps, job: DraftJob): AsyncGenerator<DraftEvent, PreparedDraft | undefined> {
  const { tenantId, ticket, options, signal, timings } = job;
  const { vault } = vaultForTicket(ticket);
  const text = ticketCustomerText(ticket);
  // Read beside the parallel work; a store that cannot answer leaves the defaults (flagged passages marked, not left out).
  const policy = readAssistPolicy(deps.store, tenantId).catch((error: unknown) => {
    deps.log.warn({ err: error }, 'assist policy unavailable, using the defaults');
    return DEFAULT_ASSIST_POLICY;
  });
  const threshold = readReviewThreshold(
    { store: deps.store, defaultThreshold: deps.reviewThreshold, modelVersion: CONFIDENCE_MODEL_VERSION },
    tenantId,
  ).then(
    (t) => t.threshold,
    (error: unknown) => {
      deps.log.warn({ err: error }, 'review threshold unavailable, using the default');
      return deps.reviewThreshold;
    },
  );
  const linkDomains = deps.linkDomains === undefined ? undefined : Promise.resolve().then(() => deps.linkDomains?.(tenantId) ?? []);
  // Awaited by the stream stage; a draft aborted before it must not leave the rejection unhandled.
  linkDomains?.catch(() => undefined);
  // Retrieval may embed the query with a remote provider: it gets the redacted text too.
  const query = vault.redact(text).slice(0, MAX_QUERY_CHARS);

  const [analysis, retrieved, live] = await Promise.all([
    // Intent reads the text retrieval embeds (focused, trimmed), so the two share one embedding.
    timings.timed('analysisMs', analyse(deps, ticket, text, queryToEmbed(query))),
    timings.timed(
      'retrievalMs',
      query.trim().length === 0 ? Promise.resolve(undefined) : deps.search(tenantId, { query, k: options.k ?? 5 }),
    ),
    timings.timed(
      'liveMs',
      deps.live.forTicket(tenantId, ticket, signal).catch((error: unknown) => {
        deps.log.warn({ err: error }, 'live state unavailable');
        return undefined;
      }),
    ),
  ]);
  if (signal.aborted) return undefined;
  yield { type: 'analysis', analysis };
  void deps.recordAnalysis?.(tenantId, ticket, analysis).catch((error: unknown) => deps.log.warn({ err: error }, 'analysis not recorded'));
  // Passages are screened before they are numbered, so one the workspace's policy leaves out is
  // neither in the prompt nor among the draft's sources.
  const screened = screenPassages(retrieved?.hits ?? [], (await policy).excludeFlaggedSources);
  if (screened.excluded.length > 0) {
    const documentIds = screened.excluded.map((s) => s.passage.documentId);
    deps.log.info({ tenantId, documentIds }, 'flagged knowledge passages left out by workspace policy');
  }
  const sources: CitedSource[] = screened.kept.map(({ passage: hit }, i) => ({
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
  // The sources' documents (their language) are read now, while the CPU-bound steps below run.
  const documents = deps.store.knowledge.documentsByIds(
    tenantId,
    sources.map((s) => s.documentId),
  );
  documents.catch(() => undefined);
  yield { type: 'sources', sources };
  // Scored on the passages the draft is given, as the model was fitted (answerFeatures.ts).
  const answer = {
    confidence: answerConfidence({ query, language: analysis.language, passages: screened.kept.map((k) => k.passage) }),
    threshold: await threshold,
  };
  if (live !== undefined) yield { type: 'live', state: live };

  // Names in passages (a pasted ticket export) and the connector's name for the customer join the
  // vault before any text of the prompt is redacted, so they are hidden in the ticket's texts too.
  if (live?.customer.name !== undefined) vault.redactName(live.customer.name);
  for (const s of sources) vault.learnNames(`${s.title}\n${s.text}`, passageScans);
  const facts = liveFacts(live);
  for (const fact of facts) vault.learnNames(fact);
  const subject = vault.redact(ticket.subject);
  // A long message is cut with a mark for the model and a note for the agent: bounded work, never a slow draft.
  const turns = draftConversation(ticket.messages, (body) => vault.redact(body));
  const conversation = turns.map(({ shortened: _shortened, ...turn }) => turn);

  // Scored as written (redaction could break an encoded span); marked in the prompt, flagged in the draft.
  const screenedTicket = screenTicket(ticket.subject, ticketTurnsFor(ticket.messages, conversation));
  const injections = [...screenedTicket.findings, ...passageFindings(screened.kept)];
  const flaggedSources = new Set(screened.kept.flatMap((s, i) => (s.flagged ? [i + 1] : [])));
  const request: DraftRequest = {
    language: analysis.language === 'und' ? 'en' : analysis.language,
    customerName: greetingPlaceholder(vault, ticket.requester.name),
    subject,
    ...(screenedTicket.subjectFlagged ? { subjectFlagged: true } : {}),
    conversation: markFlaggedTurns(conversation, screenedTicket.flaggedTurns),
    passages: passagesOf(await documents, sources, vault, flaggedSources),
    liveFacts: facts.map((f) => vault.redact(f)),
    tools: draftToolsOf(deps.actions),
    tone: options.tone,
    length: options.length,
    sourcesAnswer: answer.confidence >= NO_ANSWER_BELOW,
  };
  return {
    vault,
    text,
    analysis,
    sources,
    live,
    injections,
    request,
    shortenedTurns: turns.filter((t) => t.shortened).length,
    answer,
    linkDomains,
  };
}

/**
 * The greeting's name as a placeholder of its own: the cleaned first name (greetingName.ts), so
 * the restored greeting reads "Hi Rosario," and not "Hi MÉNDEZ, ROSARIO (via web),".
 */
function greetingPlaceholder(vault: PiiVault, displayName: string | undefined): string | undefined {
  const first = greetingName(displayName);
  return first === undefined ? undefined : vault.redactName(first);
}

/** `intentText` is the text retrieval embeds for this query (`queryToEmbed`), so the embedding is computed once. */
async function analyse(deps: PrepareDeps, ticket: TicketContext, text: string, intentText: string): Promise<TicketAnalysis> {
  const language = ticket.language ?? (await detectLanguage(text)).language;
  // The newest customer message with the subject, and how many times the customer wrote before it.
  const signals = ticketSignalsOf(ticket, language);
  const intent = deps.classifyIntent === undefined ? null : await deps.classifyIntent(intentText).catch(() => null);
  return { intent, sentiment: signals.sentiment, frustration: signals.frustration, urgency: signals.urgency, language };
}

/**
 * The sources as the drafters see them, redacted (an article may quote a customer's ticket), with
 * their documents' language so a draft can say it quotes another language. The agent's `sources`
 * event keeps the workspace's own text as stored.
 */
function passagesOf(
  documents: readonly { id: string; language?: string | null | undefined }[],
  sources: readonly CitedSource[],
  vault: PiiVault,
  flagged: ReadonlySet<number>,
): DraftPassage[] {
  const languageOf = new Map(documents.map((d) => [d.id, d.language ?? undefined]));
  return sources.map((s) => ({
    n: s.n,
    title: vault.redact(s.title, passageScans),
    text: vault.redact(s.text, passageScans),
    sectionPath: s.sectionPath.map((section) => vault.redact(section, passageScans)),
    url: s.url,
    language: languageOf.get(s.documentId),
    ...(flagged.has(s.n) ? { flagged: true } : {}),
  }));
}
