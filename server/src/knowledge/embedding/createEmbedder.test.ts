// The configured kind picks the embedder; nothing loads until the first call.
import { describe, expect, it } from 'vitest';
import type { ServerConfig } from '../../config/env.js';
import { createEmbedder } from './createEmbedder.js';
import { OpenAiEmbedder } from './openAiEmbedder.js';
import { TransformersEmbedder } from './transformersEmbedder.js';
import { UseLiteEmbedder } from './useLiteEmbedder.js';

const config = (
  kind: ServerConfig['embedder']['kind'],
  baseUrl: string | null = 'http://127.0.0.1:11434/v1',
): ServerConfig['embedder'] => ({
  kind,
  openai: { baseUrl: baseUrl ?? undefined, apiKey: undefined, model: 'nomic-embed-text' },
  transformers: { model: 'Xenova/all-MiniLM-L6-v2', modelsDir: '/nonexistent/models', allowRemote: false },
});

describe('createEmbedder', () => {
  it.each([
    ['use-lite', UseLiteEmbedder, 'use-lite@0.2.0', 512],
    ['transformers', TransformersEmbedder, 'transformers:Xenova/all-MiniLM-L6-v2', undefined],
    ['openai', OpenAiEmbedder, 'openai:nomic-embed-text', undefined],
  ] as const)('builds the %s embedder', async (kind, type, id, dimensions) => {
    const embedder = createEmbedder(config(kind));
    expect(embedder).toBeInstanceOf(type);
    expect(embedder.id).toBe(id);
    expect(embedder.dimensions).toBe(dimensions);
    await embedder.close();
  });

  it('refuses an OpenAI embedder without a base URL', () => {
    expect(() => createEmbedder(config('openai', null))).toThrow(/TANDEM_EMBEDDINGS_BASE_URL/);
  });
});
