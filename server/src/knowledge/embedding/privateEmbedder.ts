/**
 * What an embedder is given of the workspace's text and its customers': every text normalised
 * (`normaliseUntrusted`, so a full-width or zero-width spelling embeds like the plain one), and,
 * for an embedder that sends text to a third party, redacted (`PiiVault`, one vault per text) — the
 * vector filler's chunks and titles, search queries, the panel's query embeddings and intent
 * detection all pass through here. Embedders that run in this process or its workers (USE-lite,
 * transformers.js) keep the names and numbers: nothing leaves the machine, and redacting would
 * only blur their vectors.
 */
import { PiiVault } from '../../security/redactPii.js';
import { normaliseUntrusted } from '../../security/untrustedText.js';
import type { Embedder } from './embedder.js';

/** Embedders whose texts leave the process: the OpenAI-compatible API (OpenAI, Azure, Ollama, vLLM…). */
const REMOTE_EMBEDDER = /^openai:/;

export function sendsTextAway(embedder: Pick<Embedder, 'id'>): boolean {
  return REMOTE_EMBEDDER.test(embedder.id);
}

export function privateEmbedder(inner: Embedder): Embedder {
  const prepare = sendsTextAway(inner) ? (text: string) => new PiiVault().redact(text) : normaliseUntrusted;
  return {
    get id() {
      return inner.id;
    },
    get dimensions() {
      return inner.dimensions;
    },
    get batchSize() {
      return inner.batchSize;
    },
    embed: (texts) => inner.embed(texts.map(prepare)),
    close: () => inner.close(),
  };
}
