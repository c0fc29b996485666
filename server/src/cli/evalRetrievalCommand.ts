/**
 * `tandem eval retrieval`'s arguments. With `--docs` and `--queries` it evaluates a folder against
 * a `{id, ticket, relevant}` JSONL file (plus `--tasks`), as it always has; otherwise it evaluates
 * Tandem's labelled ticket set (`--set`, default bench/datasets/tickets-v2.jsonl) per `--split`
 * and `--kb`, and `--tau2` adds the tau2 bank tasks as a second, untuned test.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/env.js';
import { createEmbedder } from '../knowledge/embedding/createEmbedder.js';
import { DEFAULT_DATA_ROOT, DEFAULT_TICKET_SET } from './evalKnowledgeBases.js';
import { evalRetrieval, formatRetrievalReport } from './evalRetrieval.js';
import { evalTicketSet, tau2TasksIn } from './evalTicketSet.js';
import { KNOWLEDGE_BASES, SPLITS, type KnowledgeBaseName } from './labelledTickets.js';
import type { SplitName } from './ticketJudgement.js';
import { formatTicketSetReport } from './ticketSetReportText.js';
import { UsageError } from './usageError.js';

export const EVAL_RETRIEVAL_USAGE = `eval retrieval [--set FILE.jsonl] [--split train|dev|test|all] [--kb bank|retail|demo|all] [--tau2]
                 [--data DIR] [--k 10] [--json] [--no-vectors] [--data-dir DIR]
                                         retrieval quality of Tandem's labelled tickets per split and language, in private knowledge bases
  eval retrieval --docs DIR --queries FILE.jsonl [--tasks tasks.json] [--k 10] [--json] [--no-vectors] [--data-dir DIR]
                                         the same for a folder of documents and {id, ticket, relevant} queries`;

function positiveInt(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100) throw new UsageError(`${flag} expects a whole number from 1 to 100`);
  return n;
}

function oneOf<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`${flag} expects one of ${allowed.join(', ')}`);
  return value as T;
}

export async function evalRetrievalCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      docs: { type: 'string' },
      queries: { type: 'string' },
      tasks: { type: 'string' },
      set: { type: 'string' },
      split: { type: 'string', default: 'all' },
      kb: { type: 'string', default: 'all' },
      tau2: { type: 'boolean', default: false },
      data: { type: 'string' },
      k: { type: 'string', default: '10' },
      json: { type: 'boolean', default: false },
      'no-vectors': { type: 'boolean', default: false },
      'data-dir': { type: 'string' },
    },
    strict: true,
  });
  const config = loadConfig();
  const vectors = !values['no-vectors'];
  const k = positiveInt(values.k, '--k');
  const embedder = vectors ? createEmbedder(config.embedder) : undefined;
  try {
    if (values.docs !== undefined || values.queries !== undefined) {
      if (values.docs === undefined || values.queries === undefined) throw new UsageError('eval retrieval needs both --docs and --queries');
      if (values.set !== undefined || values.tau2)
        throw new UsageError('--set and --tau2 evaluate the labelled ticket set, not --docs/--queries');
      const result = await evalRetrieval(
        { docs: values.docs, queries: values.queries, tasks: values.tasks, k, vectors, dataDir: values['data-dir'] },
        config,
        embedder,
      );
      process.stdout.write(values.json ? `${JSON.stringify(result, null, 2)}\n` : `${formatRetrievalReport(result)}\n`);
      return 0;
    }
    const split = oneOf(values.split, [...SPLITS, 'all'] as const, '--split');
    const kb = oneOf(values.kb, [...KNOWLEDGE_BASES, 'all'] as const, '--kb');
    const dataRoot = values.data ?? DEFAULT_DATA_ROOT;
    const splits: SplitName[] = split === 'all' ? [...SPLITS, 'all'] : [split];
    const kbs: KnowledgeBaseName[] = kb === 'all' ? [...KNOWLEDGE_BASES] : [kb];
    const result = await evalTicketSet(
      {
        set: values.set ?? DEFAULT_TICKET_SET,
        splits,
        kbs,
        dataRoot,
        tau2Tasks: values.tasks ?? (values.tau2 ? tau2TasksIn(dataRoot) : undefined),
        k,
        vectors,
        dataDir: values['data-dir'],
      },
      config,
      embedder,
    );
    process.stdout.write(values.json ? `${JSON.stringify(result, null, 2)}\n` : `${formatTicketSetReport(result)}\n`);
    return 0;
  } finally {
    await embedder?.close();
  }
}
