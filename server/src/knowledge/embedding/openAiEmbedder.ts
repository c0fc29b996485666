/**
 * Embeddings from any OpenAI-compatible `/v1/embeddings` (OpenAI, Azure, Ollama, vLLM, llama.cpp,
 * LM Studio) through the openai SDK. A remote answer is not trusted: its shape, count, order and
 * dimensions are checked before a vector reaches a store, and error messages never carry the key.
 */
import OpenAI from 'openai';
import { z } from 'zod';
import type { ServerConfig } from '../../config/env.js';
import { EmbedderError, type Embedder } from './embedder.js';
import { toUnitVector } from './unitVector.js';

export type OpenAiEmbedderConfig = ServerConfig['embedder']['openai'] & { baseUrl: string };

export interface OpenAiEmbedderOptions {
  /** Per HTTP attempt. */
  timeoutMs?: number;
  /** Retries on connection errors, 408, 409, 429 and 5xx, with the SDK's backoff. */
  maxRetries?: number;
  batchSize?: number;
}

const responseSchema = z.object({
  data: z.array(
    z.object({
      index: z.number().int().nonnegative(),
      embedding: z.array(z.number()).min(1),
    }),
  ),
});

export class OpenAiEmbedder implements Embedder {
  readonly id: string;
  readonly batchSize: number;
  readonly #client: OpenAI;
  readonly #model: string;
  readonly #apiKey: string | undefined;
  /** Named in messages instead of the full URL, which could carry credentials. */
  readonly #host: string;
  readonly #closing = new AbortController();
  #dimensions: number | undefined;

  constructor(config: OpenAiEmbedderConfig, options: OpenAiEmbedderOptions = {}) {
    this.id = `openai:${config.model}`;
    this.batchSize = options.batchSize ?? 64;
    this.#model = config.model;
    this.#apiKey = config.apiKey;
    this.#host = new URL(config.baseUrl).host;
    this.#client = new OpenAI({
      baseURL: config.baseUrl,
      // Local servers (Ollama, llama.cpp) need no key, but the SDK refuses to start without one.
      apiKey: config.apiKey ?? 'not-needed',
      timeout: options.timeoutMs ?? 30_000,
      maxRetries: options.maxRetries ?? 2,
    });
  }

  get dimensions(): number | undefined {
    return this.#dimensions;
  }

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    this.#throwIfClosed();
    const vectors: Float32Array[] = [];
    for (let offset = 0; offset < texts.length; offset += this.batchSize) {
      vectors.push(...(await this.#embedBatch(texts.slice(offset, offset + this.batchSize))));
    }
    return vectors;
  }

  async close(): Promise<void> {
    this.#closing.abort();
  }

  async #embedBatch(texts: string[]): Promise<Float32Array[]> {
    let body: unknown;
    try {
      body = await this.#client.embeddings.create(
        // OpenAI rejects an empty string in `input`.
        // 'float' explicitly: without it the SDK asks for base64, which some compatible servers lack.
        { model: this.#model, input: texts.map((t) => (t === '' ? ' ' : t)), encoding_format: 'float' },
        { signal: this.#closing.signal },
      );
    } catch (error) {
      this.#throwIfClosed();
      throw this.#describe(error);
    }
    return this.#validate(body, texts.length);
  }

  #validate(body: unknown, count: number): Float32Array[] {
    const bad = (why: string): EmbedderError => new EmbedderError('BAD_RESPONSE', `embeddings from ${this.#host} ${why}`);
    const parsed = responseSchema.safeParse(body);
    if (!parsed.success) throw bad('are not an OpenAI embeddings response (expected data[] of { index, embedding: number[] })');
    const items = parsed.data.data;
    if (items.length !== count) throw bad(`has ${items.length} vectors for ${count} texts`);
    const vectors = new Array<Float32Array | undefined>(count);
    const dimensions = this.#dimensions ?? items[0]?.embedding.length;
    for (const item of items) {
      if (item.index >= count || vectors[item.index] !== undefined) throw bad(`have missing or repeated index ${item.index}`);
      if (item.embedding.length !== dimensions) {
        throw bad(`have ${item.embedding.length} dimensions, expected ${dimensions ?? 'unknown'}`);
      }
      const unit = toUnitVector(item.embedding);
      if (unit === undefined) throw bad(`have a zero or non-finite vector at index ${item.index}`);
      vectors[item.index] = unit;
    }
    this.#dimensions = dimensions;
    // Every index in 0..count-1 appeared exactly once, so no slot is empty.
    return vectors.filter((v): v is Float32Array => v !== undefined);
  }

  #describe(error: unknown): EmbedderError {
    if (error instanceof OpenAI.APIError && error.status === undefined) {
      return new EmbedderError('UPSTREAM_FAILED', `embeddings request to ${this.#host} failed: ${this.#redact(error.message)}`);
    }
    if (error instanceof OpenAI.APIError) {
      return new EmbedderError('UPSTREAM_FAILED', `embeddings request to ${this.#host} failed with HTTP ${this.#redact(error.message)}`);
    }
    // Anything else got past the HTTP layer: a body that is not JSON, for instance.
    return new EmbedderError(
      'BAD_RESPONSE',
      `embeddings from ${this.#host} could not be read: ${this.#redact(error instanceof Error ? error.message : String(error))}`,
    );
  }

  /** Servers echo request details in errors; the key must not reach logs through us. */
  #redact(message: string): string {
    const redacted = this.#apiKey === undefined || this.#apiKey === '' ? message : message.split(this.#apiKey).join('[redacted]');
    return redacted.length > 300 ? `${redacted.slice(0, 300)}…` : redacted;
  }

  #throwIfClosed(): void {
    if (this.#closing.signal.aborted) throw new EmbedderError('CLOSED', `${this.id} embedder is closed`);
  }
}
