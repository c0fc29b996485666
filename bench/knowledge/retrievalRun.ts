/**
 * One knowledge base in the retrieval benchmark: Tandem's engine (cached under .data/bench) and
 * its peers over the same stored chunks, asked the same queries in the same run. Tandem is timed
 * end to end per query (language ID, glossary, query embedding, hybrid index); the peers get the
 * query vectors precomputed, and the embedding alone (of the text Tandem embeds) is timed per
 * query as well. The engine's embedder shares one embedding per query text, as the server's does
 * (sharedQueryEmbedder), so a second search of the same ticket (the draft after the cards) is timed
 * apart: the retrieval cost once the ticket's embedding exists.
 */
import { buildEvalEngine, EVAL_TENANT, searchRanking } from '../../server/src/cli/evalRetrieval.js';
import { loadEvalCorpus } from '../../server/src/cli/evalKnowledgeBases.js';
import type { KnowledgeBaseName } from '../../server/src/cli/labelledTickets.js';
import type { TicketRanking } from '../../server/src/cli/ticketJudgement.js';
import type { ServerConfig } from '../../server/src/config/env.js';
import type { Embedder } from '../../server/src/knowledge/embedding/embedder.js';
import { sharedQueryEmbedder } from '../../server/src/knowledge/embedding/sharedQueryEmbedder.js';
import { queryToEmbed } from '../../server/src/knowledge/search/queryEmbedding.js';
import { DATA_ROOT, kbCache } from './evalSets.js';
import { bm25Ranker, denseRanker, oramaRanker, type PeerRanker } from './peerRankers.js';

export const TANDEM = 'Tandem';

export interface BenchQuery {
  id: string;
  text: string;
}

export interface KnowledgeBaseRun {
  documents: number;
  chunks: number;
  /** Rankings by system name, then by query id. */
  systems: Map<string, Map<string, TicketRanking>>;
  /** Query embedding alone per query (the part of Tandem's latency the peers were spared). */
  embedMs: number[];
  /** Tandem's second search of each query, its embedding already computed (shared per ticket). */
  repeatMs: number[];
}

export async function runKnowledgeBase(
  kb: KnowledgeBaseName,
  queries: readonly BenchQuery[],
  config: ServerConfig,
  embedder: Embedder,
): Promise<KnowledgeBaseRun> {
  const built = await buildEvalEngine(await loadEvalCorpus(kb, DATA_ROOT), config, sharedQueryEmbedder(embedder), { dataDir: kbCache(kb) });
  try {
    const systems = new Map<string, Map<string, TicketRanking>>();
    const tandem = new Map<string, TicketRanking>();
    // One warm-up search (of no ticket's text): the first pays for loading the language model and the index.
    await searchRanking(built, 'How do I change the address on my account?', 10);
    for (const q of queries) tandem.set(q.id, await searchRanking(built, q.text, 10));
    systems.set(TANDEM, tandem);
    const repeatMs: number[] = [];
    for (const q of queries) repeatMs.push((await searchRanking(built, q.text, 10)).latencyMs);

    const docs = await built.store.knowledge.listDocuments(EVAL_TENANT, { limit: 100_000, offset: 0 });
    const chunks = await built.store.knowledge.chunksOf(docs.map((d) => d.id));
    const titles = new Map(docs.map((d) => [d.id, d.title]));
    const titleOf = (id: string) => titles.get(id) ?? '';
    const peers: PeerRanker[] = [bm25Ranker(chunks, titleOf, built.externalIdOf), denseRanker(chunks, built.externalIdOf)];
    const orama = await oramaRanker(chunks, titleOf, built.externalIdOf);
    if (orama === undefined) console.log(`  ${kb}: Orama skipped (no 512-dimensional vectors)`);
    else peers.push(orama);

    const embedMs: number[] = [];
    const vectors: (Float32Array | undefined)[] = [];
    for (const q of queries) {
      // The peers embed the query as it is; Tandem embeds its focused text (queryToEmbed), timed here uncached.
      vectors.push((await embedder.embed([q.text.slice(0, 4000)]))[0]);
      const started = performance.now();
      await embedder.embed([queryToEmbed(q.text.slice(0, 4000))]);
      embedMs.push(performance.now() - started);
    }
    for (const peer of peers) {
      const rankings = new Map<string, TicketRanking>();
      for (const [i, q] of queries.entries()) {
        const started = performance.now();
        const ranked = await peer.rank(q.text.slice(0, 4000), vectors[i]);
        rankings.set(q.id, { ranked, topScore: 0, latencyMs: performance.now() - started });
      }
      systems.set(peer.name, rankings);
    }
    const counts = await built.store.knowledge.countDocuments(EVAL_TENANT);
    return { documents: counts.documents, chunks: counts.chunks, systems, embedMs, repeatMs };
  } finally {
    await built.engine.stop();
    await built.store.close();
  }
}
