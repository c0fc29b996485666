/**
 * `tandem eval retrieval --set …`: Tandem's own labelled tickets against the knowledge bases they
 * were written for. Each knowledge base gets its own private engine (bank, retail, demo; a
 * `--data-dir` keeps each under `<dir>/<kb>-kb` with its vectors, as the benchmarks do under .data/bench), each ticket of the chosen splits
 * is searched once as the product would (subject and body), and the rankings are judged per
 * ticket and per question, per split and language group (ticketJudgement.ts). With `--tau2`, the
 * tau2 bank tasks' `required_documents` are a second test nobody tuned on, on the bank engine.
 */
import path from 'node:path';
import type { ServerConfig } from '../config/env.js';
import type { Embedder } from '../knowledge/embedding/embedder.js';
import { buildEvalEngine, EVAL_TENANT, loadTasks, searchRanking, type EvalEngine } from './evalRetrieval.js';
import { dataPaths, loadEvalCorpus, missingData } from './evalKnowledgeBases.js';
import { loadLabelledTickets, ticketQueryText, type KnowledgeBaseName, type LabelledTicket } from './labelledTickets.js';
import { retrievalReport, type RetrievalReport } from './retrievalMetrics.js';
import { ticketSetReports, type GroupReport, type LanguageGroup, type SplitName, type TicketRanking } from './ticketJudgement.js';

export interface EvalTicketSetOptions {
  set: string;
  /** Splits to report; `all` is every ticket of the set together. */
  splits: readonly SplitName[];
  kbs: readonly KnowledgeBaseName[];
  dataRoot: string;
  /** The tau2 bank tasks file to score as a second test, or undefined for none. */
  tau2Tasks?: string | undefined;
  k: number;
  vectors: boolean;
  dataDir?: string | undefined;
  quiet?: boolean;
}

export interface KnowledgeBaseRun {
  kb: KnowledgeBaseName;
  documents: number;
  chunks: number;
  tickets: number;
  ingestSeconds: number;
  embedSeconds: number | null;
}

export interface EvalTicketSetResult {
  set: string;
  embedder: string | null;
  knowledgeBases: KnowledgeBaseRun[];
  /** Knowledge bases whose data is missing, with the path that was looked for. */
  skipped: { kb: KnowledgeBaseName; missing: string }[];
  reports: Record<string, Record<LanguageGroup, GroupReport>>;
  tau2: RetrievalReport | null;
}

/** The tickets of a set that belong to the chosen splits and knowledge bases. */
export function selectTickets(
  tickets: readonly LabelledTicket[],
  splits: readonly SplitName[],
  kbs: readonly KnowledgeBaseName[],
): LabelledTicket[] {
  const all = splits.includes('all');
  return tickets.filter((t) => kbs.includes(t.kb) && (all || (t.split !== undefined && splits.includes(t.split))));
}

const tenths = (seconds: number) => Math.round(seconds * 10) / 10;

export async function evalTicketSet(
  options: EvalTicketSetOptions,
  config: ServerConfig,
  embedder: Embedder | undefined,
): Promise<EvalTicketSetResult> {
  const selected = selectTickets(await loadLabelledTickets(options.set), options.splits, options.kbs);
  const rankings = new Map<string, TicketRanking>();
  const runs: KnowledgeBaseRun[] = [];
  const skipped: EvalTicketSetResult['skipped'] = [];
  let tau2: RetrievalReport | null = null;
  const wanted = new Set<KnowledgeBaseName>(options.kbs.filter((kb) => selected.some((t) => t.kb === kb)));
  if (options.tau2Tasks !== undefined) wanted.add('bank');

  for (const kb of [...wanted].sort()) {
    const missing = missingData(kb, options.dataRoot);
    if (missing !== undefined) {
      skipped.push({ kb, missing });
      continue;
    }
    const built = await buildEvalEngine(await loadEvalCorpus(kb, options.dataRoot), config, options.vectors ? embedder : undefined, {
      dataDir: options.dataDir === undefined ? undefined : path.join(options.dataDir, `${kb}-kb`),
      quiet: options.quiet ?? false,
    });
    try {
      const tickets = selected.filter((t) => t.kb === kb);
      for (const t of tickets) rankings.set(t.id, await searchRanking(built, ticketQueryText(t), options.k));
      if (kb === 'bank' && options.tau2Tasks !== undefined) tau2 = await scoreTau2(built, options.tau2Tasks, options.k);
      const counts = await built.store.knowledge.countDocuments(EVAL_TENANT);
      runs.push({
        kb,
        documents: counts.documents,
        chunks: counts.chunks,
        tickets: tickets.length,
        ingestSeconds: tenths(built.ingestSeconds),
        embedSeconds: built.embedSeconds === null ? null : tenths(built.embedSeconds),
      });
    } finally {
      await built.engine.stop();
      await built.store.close();
    }
  }
  return {
    set: options.set,
    embedder: options.vectors ? (embedder?.id ?? null) : null,
    knowledgeBases: runs,
    skipped,
    reports: ticketSetReports(selected, rankings, options.splits),
    tau2,
  };
}

/** The tau2 bank tasks: the scenario as the ticket, `required_documents` as what must come back (judged at 1…20). */
export async function scoreTau2(built: EvalEngine, tasksFile: string, k: number): Promise<RetrievalReport> {
  const judged = [];
  for (const task of await loadTasks(tasksFile)) {
    if (task.relevant.length === 0) continue;
    judged.push({ id: task.id, relevant: task.relevant, ...(await searchRanking(built, task.ticket, Math.max(k, 20))) });
  }
  return retrievalReport(judged, [1, 3, 5, 10, 20], 10);
}

/** The default tau2 tasks file under a data root. */
export const tau2TasksIn = (dataRoot: string) => dataPaths(dataRoot).tau2BankTasks;
