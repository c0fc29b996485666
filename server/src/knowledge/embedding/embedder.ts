/**
 * The embedding seam. Every embedder names its vector space (`id`): vectors from different
 * spaces are never compared, and a store built by one embedder refuses another until it is
 * re-embedded.
 */
export interface Embedder {
  /** Stable identity of the vector space, e.g. `use-lite@0.2.0` or `openai:text-embedding-3-small`. */
  readonly id: string;
  /** Known after the first batch for remote embedders; fixed for local ones. */
  readonly dimensions: number | undefined;
  /** Largest batch worth sending at once. */
  readonly batchSize: number;
  /** Embeds a batch; every returned vector has unit length, in the order of `texts`. */
  embed(texts: readonly string[]): Promise<Float32Array[]>;
  close(): Promise<void>;
}

export class EmbedderError extends Error {
  constructor(
    readonly code: 'MODEL_NOT_FOUND' | 'UPSTREAM_FAILED' | 'BAD_RESPONSE' | 'CLOSED',
    message: string,
  ) {
    super(message);
    this.name = 'EmbedderError';
  }
}
