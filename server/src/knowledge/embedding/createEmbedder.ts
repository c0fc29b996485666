/**
 * Picks the embedder the configuration names. Nothing is loaded or contacted here: every embedder
 * starts its model or connection on the first call, so a server starts fast whichever is chosen.
 */
import type { ServerConfig } from '../../config/env.js';
import type { Embedder } from './embedder.js';
import { OpenAiEmbedder } from './openAiEmbedder.js';
import { TransformersEmbedder } from './transformersEmbedder.js';
import { UseLiteEmbedder } from './useLiteEmbedder.js';

export function createEmbedder(config: ServerConfig['embedder']): Embedder {
  switch (config.kind) {
    case 'use-lite':
      return new UseLiteEmbedder();
    case 'transformers':
      return new TransformersEmbedder(config.transformers);
    case 'openai': {
      const { baseUrl } = config.openai;
      // loadConfig refuses this combination; reaching it means a hand-built config.
      if (baseUrl === undefined)
        throw new Error("TANDEM_EMBEDDINGS_BASE_URL (or TANDEM_LLM_BASE_URL) is required when TANDEM_EMBEDDER is 'openai'");
      return new OpenAiEmbedder({ ...config.openai, baseUrl });
    }
  }
}
