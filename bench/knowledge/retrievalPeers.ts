/**
 * Bench area `retrieval`: Tandem's engine against BM25, Orama hybrid and dense retrieval on the
 * same chunks and vectors in the same run (peerRankers.ts), for each knowledge base of Tandem's
 * labelled tickets (bank, retail, demo; bench/datasets/tickets-v2.jsonl, dev and test splits),
 * plus, on the bank, the tau2 tasks' required documents and the legacy dev set. Rows are built by
 * retrievalRows.ts; knowledge bases whose data is missing are skipped with a message.
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { loadQueries, loadTasks } from '../../server/src/cli/evalRetrieval.js';
import { KNOWLEDGE_BASES, loadLabelledTickets, ticketQueryText, type KnowledgeBaseName } from '../../server/src/cli/labelledTickets.js';
import type { TicketRanking } from '../../server/src/cli/ticketJudgement.js';
import { loadConfig } from '../../server/src/config/env.js';
import { createEmbedder } from '../../server/src/knowledge/embedding/createEmbedder.js';
import type { BenchRow } from '../report.js';
import { DEV_TICKETS } from './bankKb.js';
import { availableKbs, TAU2_BANK_TASKS, TICKETS_V2 } from './evalSets.js';
import { retrievalRows } from './retrievalRows.js';
import { runKnowledgeBase, type BenchQuery } from './retrievalRun.js';

export async function retrievalPeersBench(): Promise<BenchRow[]> {
  const kbs = availableKbs(KNOWLEDGE_BASES);
  const config = loadConfig({ TANDEM_LOG_LEVEL: 'warn' });
  const embedder = createEmbedder(config.embedder);
  try {
    const tickets = (await loadLabelledTickets(TICKETS_V2)).filter((t) => kbs.includes(t.kb) && (t.split === 'test' || t.split === 'dev'));
    const bank = kbs.includes('bank');
    const legacy = bank ? await loadQueries(DEV_TICKETS) : [];
    const tau2 = bank && existsSync(TAU2_BANK_TASKS) ? (await loadTasks(TAU2_BANK_TASKS)).filter((t) => t.relevant.length > 0) : [];

    const rankings = new Map<string, Map<string, TicketRanking>>();
    const sizes = new Map<KnowledgeBaseName, { documents: number; chunks: number }>();
    const embedMs: number[] = [];
    const repeatMs: number[] = [];
    for (const kb of kbs) {
      const ofKb = tickets.filter((t) => t.kb === kb);
      const queries: BenchQuery[] = [
        ...ofKb.map((t) => ({ id: t.id, text: ticketQueryText(t) })),
        ...(kb === 'bank'
          ? [...tau2.map((t) => ({ id: `tau2:${t.id}`, text: t.ticket })), ...legacy.map((q) => ({ id: `legacy:${q.id}`, text: q.ticket }))]
          : []),
      ];
      console.log(
        `  ${kb}: ${ofKb.length} labelled tickets (dev + test)${kb === 'bank' ? `, ${tau2.length} tau2 tasks, ${legacy.length} legacy tickets` : ''}`,
      );
      const run = await runKnowledgeBase(kb, queries, config, embedder);
      sizes.set(kb, { documents: run.documents, chunks: run.chunks });
      queries.forEach((q, i) => {
        if (tickets.some((t) => t.id === q.id && t.split === 'test')) {
          embedMs.push(run.embedMs[i] as number);
          repeatMs.push(run.repeatMs[i] as number);
        }
      });
      for (const [system, byQuery] of run.systems) {
        const merged = rankings.get(system) ?? new Map<string, TicketRanking>();
        for (const [id, ranking] of byQuery) merged.set(id, ranking);
        rankings.set(system, merged);
      }
    }
    return retrievalRows({ tickets, rankings, tau2, legacy, embedMs, repeatMs, sizes, loadAverage: loadavg()[0] ?? 0 });
  } finally {
    await embedder.close();
  }
}
