/**
 * The draft pipeline's middle stage: stream the reply from the LLM when one is configured, else
 * from the embedded drafter, through the citation filter, the PII restorer and the output guard.
 * The LLM drafter owns its retry before output and its circuit breaker; when it still fails, the
 * embedded drafter answers instead, after a `restart` event if the agent had already seen part of
 * the LLM's reply.
 *
 * The guard runs last, on the restored text: it checks exactly what the agent will see, and the
 * values put back are not all tame (a requester's display name is free text from the helpdesk, so
 * `<img onerror>` there comes back through `[NAME_1]`). Its secret patterns match no kind of PII,
 * so restoring first costs the secret check nothing, and the policy echo is matched on words.
 */
import type { DraftEvent, draftUsageSchema } from '@tandem/shared';
import type { z } from 'zod';
import { CitationFilter } from '../drafting/citationFilter.js';
import { DrafterError, type Drafter, type DraftRequest } from '../drafting/drafter.js';
import { systemPolicy } from '../drafting/draftPrompt.js';
import { OutputGuard, type GuardReport } from '../drafting/guard/outputGuard.js';
import { createStreamingRestorer } from '../../security/redactPii.js';
import type { AssistDeps, DraftJob } from './draftInputs.js';
import type { PreparedDraft } from './prepareDraft.js';

export type StreamDeps = Pick<AssistDeps, 'llm' | 'embedded' | 'log' | 'linkDomains'>;

/** The reply as the agent saw it, and what the drafter that wrote it reported along the way. */
export interface StreamedReply {
  reply: string;
  /** Source numbers the reply cites, after invalid ones were dropped. */
  citations: number[];
  drafter: Drafter['kind'];
  /** Actions the model proposed through tool calls. */
  modelCalls: string[];
  usage: z.infer<typeof draftUsageSchema> | undefined;
  /** The model's own certainty, when it reported one. */
  selfReported: number | undefined;
  /** What the output guard removed or marked in the reply. */
  guard: GuardReport;
}

/**
 * Yields `token` events (and `restart` when the LLM failed mid-answer) and returns the reply;
 * returns undefined when the job was aborted or the embedded drafter failed (after an `error` event).
 */
export async function* streamWithFallback(
  deps: StreamDeps,
  job: Pick<DraftJob, 'tenantId' | 'options' | 'signal' | 'timings'>,
  prepared: Pick<PreparedDraft, 'vault' | 'request'> & Partial<Pick<PreparedDraft, 'linkDomains'>>,
): AsyncGenerator<DraftEvent, StreamedReply | undefined> {
  const { signal, timings } = job;
  const { vault, request } = prepared;
  // The passages are the sources, numbered alike: a citation is valid when it names one of them.
  const citable = request.passages.length;
  let drafter = deps.llm ?? deps.embedded;
  let citations = new CitationFilter(citable);
  let restorer = createStreamingRestorer(vault);
  // Read while the draft was prepared, when it was; the model is not called before the guard's rules are known.
  const linkDomains = (await (prepared.linkDomains ?? deps.linkDomains?.(job.tenantId))) ?? [];
  const guardFor = (): OutputGuard => guardOf(request, linkDomains);
  let guard = guardFor();
  let reply = '';
  let usage: StreamedReply['usage'];
  let selfReported: number | undefined;
  const modelCalls: string[] = [];
  for (;;) {
    try {
      for await (const chunk of drafter.draft(request, signal)) {
        if (signal.aborted) return undefined;
        if (chunk.kind === 'token') {
          const shown = guard.push(restorer.push(citations.push(chunk.text)));
          if (shown.length > 0) {
            timings.markOnce('firstTokenMs');
            reply += shown;
            yield { type: 'token', text: shown };
          }
        } else if (chunk.kind === 'tool-call') modelCalls.push(chunk.name);
        else if (chunk.kind === 'usage')
          usage = { promptTokens: chunk.promptTokens, completionTokens: chunk.completionTokens, model: chunk.model };
        else selfReported = chunk.value;
      }
      const rest = guard.push(restorer.push(citations.flush()) + restorer.flush()) + guard.flush();
      if (rest.length > 0) {
        // A one-sentence reply reaches the agent only here, once the guard has seen all of it.
        timings.markOnce('firstTokenMs');
        reply += rest;
        yield { type: 'token', text: rest };
      }
      if (guard.intervened) deps.log.info({ guard: guard.report, drafter: drafter.kind }, 'output guard changed the draft');
      return { reply, citations: citations.citations, drafter: drafter.kind, modelCalls, usage, selfReported, guard: guard.report };
    } catch (error) {
      if (signal.aborted) return undefined;
      if (drafter.kind !== 'llm') {
        deps.log.error({ err: error }, 'embedded draft failed');
        yield {
          type: 'error',
          error: { code: 'INTERNAL_SERVER_ERROR', message: 'The draft could not be written.', requestId: job.options.requestId ?? '' },
        };
        return undefined;
      }
      const code = error instanceof DrafterError ? error.code : 'UPSTREAM_FAILED';
      deps.log.warn({ code }, 'LLM draft failed; embedded drafter answers instead');
      if (reply.length > 0) yield { type: 'restart', reason: `The language model failed (${code}); showing the built-in draft instead.` };
      // The fallback starts from nothing: none of the LLM's text, citations, usage or tool calls count.
      drafter = deps.embedded;
      citations = new CitationFilter(citable);
      restorer = createStreamingRestorer(vault);
      guard = guardFor();
      reply = '';
      usage = undefined;
      modelCalls.length = 0;
    }
  }
}

function guardOf(request: DraftRequest, linkDomains: readonly string[]): OutputGuard {
  return new OutputGuard({
    sourceUrls: request.passages.map((p) => p.url),
    linkDomains,
    systemPolicy: systemPolicy(request),
    liveFacts: request.liveFacts,
  });
}
