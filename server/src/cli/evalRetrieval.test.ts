import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/env.js';
import { HashedWordsEmbedder } from '../testing/hashedWordsEmbedder.js';
import { loadEvalCorpus } from './evalKnowledgeBases.js';
import { buildEvalEngine, EVAL_TENANT, searchRanking } from './evalRetrieval.js';

describe('buildEvalEngine', () => {
  // Two PGlite stores and two ingestions: slow on a loaded 2-core machine.
  it('leaves the embedder open for the next knowledge base: the caller owns it', { timeout: 120_000 }, async () => {
    const embedder = new HashedWordsEmbedder();
    let closed = 0;
    embedder.close = () => {
      closed += 1;
      return Promise.resolve();
    };
    const config = loadConfig({ TANDEM_LOG_LEVEL: 'silent' });
    const corpus = await loadEvalCorpus('demo');
    for (let round = 0; round < 2; round++) {
      const built = await buildEvalEngine(corpus, config, embedder, { quiet: true });
      try {
        const counts = await built.store.knowledge.countDocuments(EVAL_TENANT);
        expect(counts.embedded).toBe(counts.chunks);
        const { ranked } = await searchRanking(built, 'How long is the warranty on a tent?', 5);
        expect(ranked[0]).toBe('warranty.md');
      } finally {
        await built.engine.stop();
        await built.store.close();
      }
    }
    expect(closed).toBe(0);
  });
});
