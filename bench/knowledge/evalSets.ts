/**
 * Where the retrieval and draft benchmarks find Tandem's labelled tickets (bench/datasets), the
 * public knowledge bases they were written against (../shared/data, read by path, never copied)
 * and the cached engines built from them (.data/bench/<kb>-kb: embedding the bank takes minutes
 * on 2 cores, so its vectors persist between runs).
 */
import path from 'node:path';
import { DEFAULT_DATA_ROOT, DEFAULT_TICKET_SET, dataPaths, missingData } from '../../server/src/cli/evalKnowledgeBases.js';
import type { KnowledgeBaseName } from '../../server/src/cli/labelledTickets.js';
import { BANK_CACHE, ROOT } from './bankKb.js';

export const TICKETS_V2 = DEFAULT_TICKET_SET;
export const DATA_ROOT = DEFAULT_DATA_ROOT;
export const TAU2_BANK_TASKS = dataPaths(DATA_ROOT).tau2BankTasks;

/** The cached store of a knowledge base; the bank's is the one the other bank benchmarks use. */
export function kbCache(kb: KnowledgeBaseName): string {
  return kb === 'bank' ? BANK_CACHE : path.resolve(ROOT, '.data', 'bench', `${kb}-kb`);
}

/** Knowledge bases whose data is here; the others are named once with the path looked for. */
export function availableKbs(kbs: readonly KnowledgeBaseName[]): KnowledgeBaseName[] {
  return kbs.filter((kb) => {
    const missing = missingData(kb, DATA_ROOT);
    if (missing !== undefined) console.log(`skipped: the ${kb} knowledge base is not at ${missing}`);
    return missing === undefined;
  });
}
