/**
 * The LLM drafter: streams a reply from any OpenAI-compatible chat completions API through the
 * openai SDK. It owns the failure handling the pipeline relies on to fall back quickly: deadlines
 * for the first token, between chunks and overall; a bounded retry before anything has streamed;
 * a circuit breaker so a dead provider is skipped at once; every failure as a DrafterError.
 * The stream is not trusted: each chunk is checked, and tool calls with broken arguments or
 * names that were not offered are dropped.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import OpenAI from 'openai';
import type { ChatCompletionCreateParamsStreaming } from 'openai/resources/chat/completions';
import { z } from 'zod';
import { CircuitBreaker } from './circuitBreaker.js';
import { buildDraftMessages, buildDraftTools, type DraftToolset } from './draftPrompt.js';
import { DrafterError, type DraftChunk, type Drafter, type DraftRequest } from './drafter.js';

export interface LlmDrafterOptions {
  /** Default https://api.openai.com/v1. */
  baseUrl?: string | undefined;
  /** Local servers (Ollama, llama.cpp, vLLM) may need none. */
  apiKey?: string | undefined;
  model: string;
  /** From the request until the model starts producing output. Default 4000. */
  firstTokenTimeoutMs?: number;
  /** Longest silence between chunks once the stream has started. Default 3000. */
  idleTimeoutMs?: number;
  /** For the whole draft, retries included. Default 30 000. */
  totalTimeoutMs?: number;
  /** Retries on 408/429/5xx, connection errors and streams that broke, only before any output has streamed. Default 1, at most 3. */
  maxRetries?: number;
  /** Wait before a retry, doubled each time; a longer `retry-after` from the server wins. Default 250. */
  retryDelayMs?: number;
  /** Sent only when set: some models accept no value but their default. */
  temperature?: number | undefined;
  /** Share one per provider. Default: opens after 3 consecutive failed drafts, for 30 s. */
  breaker?: CircuitBreaker;
}

/** Longer than this, a retry would cost more than falling back to the embedded drafter. */
const MAX_RETRY_WAIT_MS = 2_000;
const DEFAULT_BASE_URL = 'https://api.openai.com/v1';

const toolCallDeltaSchema = z.object({
  index: z.number().int().nonnegative().nullish(),
  id: z.string().nullish(),
  function: z.object({ name: z.string().nullish(), arguments: z.string().nullish() }).nullish(),
});

const chunkSchema = z.object({
  model: z.string().nullish(),
  choices: z
    .array(
      z.object({
        index: z.number().int().nullish(),
        delta: z
          .object({
            content: z.string().nullish(),
            refusal: z.string().nullish(),
            // Reasoning models on vLLM, DeepSeek and others think aloud in these before answering.
            reasoning_content: z.string().nullish(),
            reasoning: z.string().nullish(),
            tool_calls: z.array(toolCallDeltaSchema).nullish(),
          })
          .nullish(),
        finish_reason: z.string().nullish(),
      }),
    )
    .nullish(),
  usage: z.object({ prompt_tokens: z.number().nonnegative(), completion_tokens: z.number().nonnegative() }).nullish(),
});

type ToolCallDelta = z.infer<typeof toolCallDeltaSchema>;
type StopReason = 'caller' | 'first-token' | 'idle' | 'total';

/** One attempt's failure, with what the retry loop needs to decide. */
class AttemptFailure extends Error {
  constructor(
    readonly error: DrafterError,
    readonly retryable: boolean,
    readonly retryAfterMs?: number,
  ) {
    super(error.message);
  }
}

interface DraftRun {
  /** On the performance.now() clock. */
  deadline: number;
  /** Output reached the caller: from here on a retry would repeat it, and a failure is partial. */
  yielded: boolean;
}

/** One attempt's deadlines, all of which abort its HTTP request; the first reason to stop is kept. */
class Watchdog {
  readonly #controller = new AbortController();
  readonly #timers = new Map<Exclude<StopReason, 'caller'>, NodeJS.Timeout>();
  readonly #caller: AbortSignal;
  readonly #onCallerAbort = (): void => this.stop('caller');
  reason: StopReason | undefined;

  constructor(caller: AbortSignal) {
    this.#caller = caller;
    if (caller.aborted) this.stop('caller');
    else caller.addEventListener('abort', this.#onCallerAbort, { once: true });
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  arm(kind: Exclude<StopReason, 'caller'>, ms: number): void {
    this.disarm(kind);
    this.#timers.set(
      kind,
      setTimeout(() => this.stop(kind), Math.max(0, ms)),
    );
  }

  disarm(kind: Exclude<StopReason, 'caller'>): void {
    clearTimeout(this.#timers.get(kind));
    this.#timers.delete(kind);
  }

  stop(reason: StopReason): void {
    this.reason ??= reason;
    this.#controller.abort();
  }

  /** Also aborts the request, so a consumer that stops reading closes the connection. */
  dispose(): void {
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
    this.#caller.removeEventListener('abort', this.#onCallerAbort);
    this.#controller.abort();
  }
}

/** Tool calls arrive as deltas by index: the id and name first, then the arguments text in pieces. */
class ToolCallAssembler {
  readonly #calls = new Map<number, { name: string; arguments: string }>();
  #last = -1;

  add(delta: ToolCallDelta): void {
    // Some compatible servers leave out the index: a new id starts a call, anything else continues the last.
    const index = delta.index ?? (delta.id !== undefined && delta.id !== null ? this.#last + 1 : Math.max(this.#last, 0));
    this.#last = Math.max(this.#last, index);
    const call = this.#calls.get(index) ?? { name: '', arguments: '' };
    // The name comes whole; servers that repeat it on every delta must not have it doubled.
    if (call.name === '' && delta.function?.name) call.name = delta.function.name;
    call.arguments += delta.function?.arguments ?? '';
    this.#calls.set(index, call);
  }

  /** The calls that name an offered tool and carry a JSON object; the rest are dropped. */
  complete(toolset: DraftToolset): DraftChunk[] {
    const chunks: DraftChunk[] = [];
    for (const [, call] of [...this.#calls].sort(([a], [b]) => a - b)) {
      const tool = toolset.toolFor(call.name);
      if (tool === undefined) continue;
      const args = parseArguments(call.arguments);
      if (args !== undefined) chunks.push({ kind: 'tool-call', name: tool.name, arguments: args });
    }
    return chunks;
  }
}

function parseArguments(text: string): Record<string, unknown> | undefined {
  // A function without parameters may come with no arguments text at all.
  if (text.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function retryAfterMs(headers: Headers | undefined): number | undefined {
  const ms = Number(headers?.get('retry-after-ms') ?? Number.NaN);
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const seconds = Number(headers?.get('retry-after') ?? Number.NaN);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

export class LlmDrafter implements Drafter {
  readonly kind = 'llm' as const;
  readonly breaker: CircuitBreaker;
  readonly #client: OpenAI;
  readonly #model: string;
  readonly #apiKey: string | undefined;
  /** Named in messages instead of the full URL, which could carry credentials. */
  readonly #host: string;
  readonly #firstTokenTimeoutMs: number;
  readonly #idleTimeoutMs: number;
  readonly #totalTimeoutMs: number;
  readonly #maxRetries: number;
  readonly #retryDelayMs: number;
  readonly #temperature: number | undefined;

  constructor(options: LlmDrafterOptions) {
    const baseUrl = options.baseUrl ?? DEFAULT_BASE_URL;
    this.#model = options.model;
    this.#apiKey = options.apiKey;
    this.#host = new URL(baseUrl).host;
    this.#firstTokenTimeoutMs = options.firstTokenTimeoutMs ?? 4_000;
    this.#idleTimeoutMs = options.idleTimeoutMs ?? 3_000;
    this.#totalTimeoutMs = options.totalTimeoutMs ?? 30_000;
    this.#maxRetries = Math.min(Math.max(0, Math.floor(options.maxRetries ?? 1)), 3);
    this.#retryDelayMs = Math.max(0, options.retryDelayMs ?? 250);
    this.#temperature = options.temperature;
    this.breaker = options.breaker ?? new CircuitBreaker({ failureThreshold: 3, coolDownMs: 30_000 });
    this.#client = new OpenAI({
      baseURL: baseUrl,
      // The SDK refuses to start without a key, which local servers do not need.
      apiKey: options.apiKey ?? 'not-needed',
      // Retries and deadlines are ours: the SDK's would retry after output has streamed and wait minutes.
      maxRetries: 0,
      timeout: Math.max(1, Math.ceil(this.#totalTimeoutMs)),
      // Failures reach the caller as DrafterErrors; the SDK would also print them to the console.
      logLevel: 'off',
    });
  }

  async *draft(request: DraftRequest, signal: AbortSignal): AsyncGenerator<DraftChunk> {
    if (signal.aborted) throw new DrafterError('ABORTED', 'the draft was cancelled');
    const permit = this.breaker.tryAcquire();
    if (permit === undefined) {
      const wait = this.breaker.retryInMs();
      const when = wait > 0 ? `the next try in ${Math.ceil(wait / 1000)} s` : 'a trial request is in flight';
      throw new DrafterError('CIRCUIT_OPEN', `LLM drafting via ${this.#host} is paused after repeated failures; ${when}`);
    }
    // Stays 'release' when the caller stops reading or cancels: that says nothing about the provider.
    let verdict: 'succeed' | 'fail' | 'release' = 'release';
    try {
      const toolset = buildDraftTools(request.tools);
      const params: ChatCompletionCreateParamsStreaming = {
        model: this.#model,
        messages: buildDraftMessages(request),
        stream: true,
        stream_options: { include_usage: true },
        ...(toolset.tools.length > 0 ? { tools: toolset.tools } : {}),
        ...(this.#temperature === undefined ? {} : { temperature: this.#temperature }),
      };
      const run: DraftRun = { deadline: performance.now() + this.#totalTimeoutMs, yielded: false };
      for (let attempt = 0; ; attempt += 1) {
        try {
          yield* this.#attempt(params, toolset, run, signal);
          verdict = 'succeed';
          return;
        } catch (thrown) {
          if (!(thrown instanceof AttemptFailure)) throw thrown;
          const wait = thrown.retryAfterMs ?? this.#retryDelayMs * 2 ** attempt;
          const retry =
            thrown.retryable &&
            !run.yielded &&
            attempt < this.#maxRetries &&
            wait <= MAX_RETRY_WAIT_MS &&
            performance.now() + wait < run.deadline;
          if (!retry) {
            if (thrown.error.code !== 'ABORTED') verdict = 'fail';
            throw thrown.error;
          }
          await sleep(wait, undefined, { signal }).catch(() => undefined);
          if (signal.aborted) throw new DrafterError('ABORTED', 'the draft was cancelled');
        }
      }
    } finally {
      permit[verdict]();
    }
  }

  async *#attempt(
    params: ChatCompletionCreateParamsStreaming,
    toolset: DraftToolset,
    run: DraftRun,
    signal: AbortSignal,
  ): AsyncGenerator<DraftChunk> {
    const watchdog = new Watchdog(signal);
    watchdog.arm('total', run.deadline - performance.now());
    watchdog.arm('first-token', this.#firstTokenTimeoutMs);
    try {
      let chunks: AsyncIterator<unknown>;
      try {
        const { data, response } = await this.#client.chat.completions.create(params, { signal: watchdog.signal }).withResponse();
        if (response.headers.get('content-type')?.includes('application/json')) {
          throw this.#fail('BAD_RESPONSE', `${this.#host} answered with JSON instead of an event stream`, run, false);
        }
        chunks = data[Symbol.asyncIterator]();
      } catch (error) {
        throw this.#describe(error, watchdog, run);
      }

      const toolCalls = new ToolCallAssembler();
      let finished = false;
      let usage: DraftChunk | undefined;
      let refusal = '';
      try {
        for (;;) {
          let next: IteratorResult<unknown>;
          try {
            next = await chunks.next();
          } catch (error) {
            // Once the finish reason is in, the reply is whole; trouble with the trailing usage chunk does not undo it.
            if (finished && watchdog.reason !== 'caller') break;
            throw this.#describe(error, watchdog, run);
          }
          // The SDK ends the stream quietly when its request is aborted, so an abort shows up as `done`.
          if (next.done) break;
          watchdog.disarm('idle');

          const parsed = chunkSchema.safeParse(next.value);
          if (!parsed.success)
            throw this.#fail('BAD_RESPONSE', `${this.#host} sent a chunk that is not a chat completion chunk`, run, false);
          const chunk = parsed.data;
          if (chunk.usage) {
            usage = {
              kind: 'usage',
              promptTokens: chunk.usage.prompt_tokens,
              completionTokens: chunk.usage.completion_tokens,
              model: chunk.model ?? this.#model,
            };
          }
          // Only one choice is asked for; a server that sends more is ignored beyond the first.
          const choice = chunk.choices?.find((c) => (c.index ?? 0) === 0);
          const delta = choice?.delta;
          if (delta?.content || delta?.tool_calls?.length || delta?.refusal || delta?.reasoning_content || delta?.reasoning) {
            watchdog.disarm('first-token');
          }
          for (const call of delta?.tool_calls ?? []) toolCalls.add(call);
          refusal += delta?.refusal ?? '';
          if (delta?.content) {
            run.yielded = true;
            yield { kind: 'token', text: delta.content };
          }
          if (choice?.finish_reason && !finished) {
            finished = true;
            if (choice.finish_reason === 'length') {
              throw this.#fail('BAD_RESPONSE', `the reply from ${this.#host} was cut off at the length limit`, run, false);
            }
            if (choice.finish_reason === 'content_filter' || refusal !== '') {
              const why = refusal === '' ? 'stopped by the content filter' : `refused: ${refusal}`;
              throw this.#fail('BAD_RESPONSE', `the model at ${this.#host} ${this.#redact(why)}`, run, false);
            }
            for (const call of toolCalls.complete(toolset)) {
              run.yielded = true;
              yield call;
            }
          }
          // Armed only now: time the caller spends with a yielded chunk is not the provider's silence.
          watchdog.arm('idle', this.#idleTimeoutMs);
        }
      } finally {
        await chunks.return?.();
      }

      if (watchdog.reason === 'caller') throw this.#fail('ABORTED', 'the draft was cancelled', run, false);
      if (!finished) {
        if (watchdog.reason !== undefined) throw this.#timeout(watchdog.reason, run);
        throw this.#fail('UPSTREAM_FAILED', `the stream from ${this.#host} ended before the reply was complete`, run, true);
      }
      if (usage !== undefined) yield usage;
    } finally {
      watchdog.dispose();
    }
  }

  #fail(code: DrafterError['code'], message: string, run: DraftRun, retryable: boolean, retryAfter?: number): AttemptFailure {
    return new AttemptFailure(new DrafterError(code, message, run.yielded), retryable, retryAfter);
  }

  #timeout(reason: Exclude<StopReason, 'caller'>, run: DraftRun): AttemptFailure {
    const what = {
      'first-token': `no output from ${this.#host} within ${this.#firstTokenTimeoutMs} ms`,
      idle: `the stream from ${this.#host} stalled for ${this.#idleTimeoutMs} ms`,
      total: `the draft from ${this.#host} took longer than ${this.#totalTimeoutMs} ms`,
    }[reason];
    return this.#fail('TIMEOUT', what, run, false);
  }

  #describe(error: unknown, watchdog: Watchdog, run: DraftRun): AttemptFailure {
    if (error instanceof AttemptFailure) return error;
    // Our own deadlines and the caller's cancel surface from the SDK as abort errors; the reason is ours to tell.
    if (watchdog.reason === 'caller') return this.#fail('ABORTED', 'the draft was cancelled', run, false);
    if (watchdog.reason !== undefined) return this.#timeout(watchdog.reason, run);
    if (error instanceof OpenAI.APIConnectionTimeoutError) return this.#timeout('total', run);
    if (error instanceof OpenAI.APIConnectionError) {
      return this.#fail('UPSTREAM_FAILED', `could not reach ${this.#host}: ${this.#redact(error.message)}`, run, true);
    }
    if (error instanceof OpenAI.APIError && typeof error.status === 'number') {
      return this.#fail(
        'UPSTREAM_FAILED',
        `LLM request to ${this.#host} failed with HTTP ${this.#redact(error.message)}`,
        run,
        isRetryableStatus(error.status),
        retryAfterMs(error.headers),
      );
    }
    if (error instanceof OpenAI.APIError) {
      // An error event inside the stream, as OpenAI sends when a model server fails mid-request.
      return this.#fail('UPSTREAM_FAILED', `${this.#host} reported an error in the stream: ${this.#redact(error.message)}`, run, true);
    }
    if (error instanceof SyntaxError) {
      return this.#fail('BAD_RESPONSE', `${this.#host} sent an event that is not JSON: ${this.#redact(error.message)}`, run, false);
    }
    // Anything else is the connection failing under the stream ("terminated" when the socket dies).
    const message = error instanceof Error ? error.message : String(error);
    return this.#fail('UPSTREAM_FAILED', `the stream from ${this.#host} broke: ${this.#redact(message)}`, run, true);
  }

  /** Servers echo request details in errors; the key must not reach logs through us. */
  #redact(message: string): string {
    const redacted = this.#apiKey === undefined || this.#apiKey === '' ? message : message.split(this.#apiKey).join('[redacted]');
    return redacted.length > 300 ? `${redacted.slice(0, 300)}…` : redacted;
  }
}
