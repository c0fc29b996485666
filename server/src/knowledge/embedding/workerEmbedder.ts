/**
 * The server side of an embedder whose model runs in a worker (thread or child process), so that
 * CPU-heavy inference never blocks the event loop that serves searches.
 *
 * Requests are queued and cut into batches; one batch is in the worker at a time (the worker is
 * single-threaded anyway, and a crash then has an exact set of victims). Calls take turns batch by
 * batch, so a one-text query embedding waits behind at most one batch of a bulk re-index instead
 * of all of it. Calls that arrive while a batch is in the worker share the next one (up to
 * `packSize` texts): under many concurrent conversations the one-text query embeddings would
 * otherwise queue one worker round trip each, while the model embeds a batch of 16 in far less
 * than 16 times the time of one (bench/widget/embedBatching.ts). Every caller still gets its own
 * vectors; a batch the worker fails or answers wrongly fails every call that had texts in it. The worker starts on the first call; when it dies, every pending call fails with
 * UPSTREAM_FAILED (the crash may have been caused by their input, so nothing is retried blindly)
 * and the next call starts a new one. close() is final: later calls fail with CLOSED.
 */
import { EmbedderError, type Embedder } from './embedder.js';
import { toUnitVector } from './unitVector.js';
import { spawnWorkerChannel, type Isolation, type WorkerChannel } from './workerChannel.js';
import { workerReplySchema } from './workerProtocol.js';

export interface WorkerEmbedderOptions {
  id: string;
  /** Fixed for a known model; otherwise learned from the first reply and then enforced. */
  dimensions?: number;
  batchSize: number;
  /** The worker module, which calls `serveEmbeddings`. */
  moduleUrl: URL;
  /** Passed to the worker as is (structured-cloned for a thread, JSON for a process). */
  init?: unknown;
  isolation: Isolation;
  /** Names the model in error messages, e.g. "USE-lite". */
  label: string;
  /** A batch not answered within this is taken for a hung worker, which is then stopped. */
  batchTimeoutMs?: number;
  /** Extra time allowed for the first batch of each worker, which waits for the model to load. */
  loadTimeoutMs?: number;
  /**
   * Most texts of several calls sent to the worker together (default: batchSize); 1 sends every
   * call's batch on its own. Never more than batchSize.
   */
  packSize?: number;
}

interface PendingCall {
  readonly texts: readonly string[];
  readonly vectors: Float32Array[];
  nextOffset: number;
  remaining: number;
  settled: boolean;
  resolve(vectors: Float32Array[]): void;
  reject(error: EmbedderError): void;
}

/** One call's slice of a batch: texts `offset` to `offset + count` of the call. */
interface BatchPart {
  readonly call: PendingCall;
  readonly offset: number;
  readonly count: number;
}

interface InFlightBatch {
  readonly parts: readonly BatchPart[];
  readonly requestId: number;
  readonly timer: NodeJS.Timeout;
}

export class WorkerEmbedder implements Embedder {
  readonly id: string;
  readonly batchSize: number;
  readonly #packSize: number;
  readonly #options: WorkerEmbedderOptions;
  #dimensions: number | undefined;
  #channel: WorkerChannel | undefined;
  #channelAnswered = false;
  /** Calls with batches not yet sent, in turn order. */
  #waiting: PendingCall[] = [];
  #inFlight: InFlightBatch | undefined;
  #nextRequestId = 0;
  #closed = false;

  constructor(options: WorkerEmbedderOptions) {
    this.#options = options;
    this.id = options.id;
    this.batchSize = options.batchSize;
    this.#packSize = Math.max(1, Math.min(options.packSize ?? options.batchSize, options.batchSize));
    this.#dimensions = options.dimensions;
  }

  get dimensions(): number | undefined {
    return this.#dimensions;
  }

  embed(texts: readonly string[]): Promise<Float32Array[]> {
    if (this.#closed) return Promise.reject(new EmbedderError('CLOSED', `${this.#options.label} embedder is closed`));
    if (texts.length === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      this.#waiting.push({
        texts,
        vectors: new Array<Float32Array>(texts.length),
        nextOffset: 0,
        remaining: texts.length,
        settled: false,
        resolve,
        reject,
      });
      this.#pump();
    });
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#failAll('CLOSED', `${this.#options.label} embedder was closed`);
    const channel = this.#channel;
    this.#channel = undefined;
    await channel?.terminate();
  }

  /**
   * Test hook: ends the worker from outside, as a crash or an out-of-memory kill would, without
   * going through close(). Pending calls fail and the next call starts a new worker.
   * @internal
   */
  async crashWorkerForTesting(): Promise<void> {
    await this.#channel?.terminate();
  }

  #pump(): void {
    if (this.#inFlight !== undefined || this.#closed) return;
    const parts = this.#nextBatch();
    if (parts.length === 0) {
      this.#channel?.setBusy(false);
      return;
    }
    try {
      const channel = this.#channel ?? this.#spawn();
      const requestId = this.#nextRequestId++;
      const timeoutMs = (this.#options.batchTimeoutMs ?? 120_000) + (this.#channelAnswered ? 0 : (this.#options.loadTimeoutMs ?? 60_000));
      const timer = setTimeout(() => this.#onTimeout(timeoutMs), timeoutMs);
      this.#inFlight = { parts, requestId, timer };
      channel.setBusy(true);
      const texts = parts.flatMap(({ call, offset, count }) => call.texts.slice(offset, offset + count));
      channel.send({ type: 'embed', id: requestId, texts });
    } catch (error) {
      this.#abandonWorker('UPSTREAM_FAILED', `${this.#options.label} worker could not be started: ${(error as Error).message}`);
    }
  }

  /**
   * Takes the next batch off the queue: a slice of the first waiting call (up to batchSize), then
   * slices of the calls behind it while the batch holds fewer than packSize texts. A call with
   * texts left goes to the back of the queue, so a bulk call cannot hold the worker.
   */
  #nextBatch(): BatchPart[] {
    const parts: BatchPart[] = [];
    const unfinished: PendingCall[] = [];
    let size = 0;
    while (this.#waiting.length > 0) {
      const room = parts.length === 0 ? this.batchSize : this.#packSize - size;
      if (room <= 0) break;
      const call = this.#waiting.shift() as PendingCall;
      const offset = call.nextOffset;
      const count = Math.min(room, call.texts.length - offset);
      call.nextOffset += count;
      size += count;
      parts.push({ call, offset, count });
      if (call.nextOffset < call.texts.length) unfinished.push(call);
    }
    this.#waiting.push(...unfinished);
    return parts;
  }

  #spawn(): WorkerChannel {
    const channel: WorkerChannel = spawnWorkerChannel(this.#options.moduleUrl, this.#options.init, this.#options.isolation, {
      onMessage: (message) => this.#onMessage(channel, message),
      onExit: (reason) => this.#onExit(channel, reason),
    });
    this.#channel = channel;
    this.#channelAnswered = false;
    return channel;
  }

  #onMessage(channel: WorkerChannel, message: unknown): void {
    if (channel !== this.#channel) return;
    const parsed = workerReplySchema.safeParse(message);
    const batch = this.#inFlight;
    if (!parsed.success || batch === undefined || parsed.data.id !== batch.requestId) {
      this.#abandonWorker('BAD_RESPONSE', `${this.#options.label} worker sent a message that does not answer the pending request`);
      return;
    }
    clearTimeout(batch.timer);
    this.#inFlight = undefined;
    this.#channelAnswered = true;
    const reply = parsed.data;
    if (reply.type === 'failed') {
      for (const part of batch.parts) this.#fail(part.call, new EmbedderError(reply.code, reply.message));
    } else {
      this.#accept(batch, reply.dimensions, reply.data);
    }
    this.#pump();
  }

  #accept(batch: InFlightBatch, dimensions: number, data: Float32Array): void {
    const label = this.#options.label;
    const count = batch.parts.reduce((sum, part) => sum + part.count, 0);
    const failBatch = (message: string): void => {
      for (const part of batch.parts) this.#fail(part.call, new EmbedderError('BAD_RESPONSE', message));
    };
    if (this.#dimensions !== undefined && dimensions !== this.#dimensions) {
      failBatch(`${label} returned ${dimensions}-dimensional vectors, expected ${this.#dimensions}`);
      return;
    }
    if (data.length !== count * dimensions) {
      failBatch(`${label} returned ${data.length} numbers for ${count} texts`);
      return;
    }
    this.#dimensions ??= dimensions;
    let row = 0;
    for (const part of batch.parts) {
      const { call, offset } = part;
      const first = row;
      row += part.count;
      const vectors: Float32Array[] = [];
      for (let i = 0; i < part.count; i++) {
        const unit = toUnitVector(data.subarray((first + i) * dimensions, (first + i + 1) * dimensions));
        if (unit === undefined) break;
        vectors.push(unit);
      }
      if (vectors.length < part.count) {
        // Only the call whose text embedded to nothing fails: its neighbours' rows are sound.
        this.#fail(
          call,
          new EmbedderError('BAD_RESPONSE', `${label} returned a zero or non-finite vector for text ${offset + vectors.length}`),
        );
        continue;
      }
      if (call.settled) continue;
      vectors.forEach((vector, i) => (call.vectors[offset + i] = vector));
      call.remaining -= part.count;
      if (call.remaining === 0) {
        call.settled = true;
        call.resolve(call.vectors);
      }
    }
  }

  #onExit(channel: WorkerChannel, reason: string): void {
    if (channel !== this.#channel) return;
    this.#channel = undefined;
    this.#failAll('UPSTREAM_FAILED', `${this.#options.label} worker ${reason}; a new one starts on the next call`);
  }

  #onTimeout(timeoutMs: number): void {
    this.#abandonWorker(
      'UPSTREAM_FAILED',
      `${this.#options.label} worker did not answer within ${(timeoutMs / 1000).toFixed(timeoutMs < 10_000 ? 1 : 0)} s and was stopped; a new one starts on the next call`,
    );
  }

  /** Stops a worker that can no longer be trusted and fails everything pending. */
  #abandonWorker(code: EmbedderError['code'], message: string): void {
    const channel = this.#channel;
    this.#channel = undefined;
    this.#failAll(code, message);
    channel?.terminate().catch(() => undefined);
  }

  #failAll(code: EmbedderError['code'], message: string): void {
    const calls = this.#waiting;
    this.#waiting = [];
    const batch = this.#inFlight;
    this.#inFlight = undefined;
    if (batch !== undefined) {
      clearTimeout(batch.timer);
      calls.unshift(...batch.parts.map((part) => part.call).filter((call) => !calls.includes(call)));
    }
    for (const call of calls) this.#fail(call, new EmbedderError(code, message));
  }

  #fail(call: PendingCall, error: EmbedderError): void {
    if (call.settled) return;
    call.settled = true;
    this.#waiting = this.#waiting.filter((c) => c !== call);
    call.reject(error);
  }
}
