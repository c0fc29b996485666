/**
 * The `knowledge retrieval` rows of BENCHMARKS.md: Tandem against its peers on the same queries
 * in the same run, each row naming its set, split and whether it was tuned on. The headline is
 * the test split of Tandem's labelled tickets (tickets-v2, never tuned on), English and non-English
 * apart; then per question, per knowledge base, the unanswerable tickets' top scores, the dev
 * split, the tau2 bank tasks' required documents (untuned) and the legacy dev set (tuned on).
 */
import type { KnowledgeBaseName, LabelledTicket } from '../../server/src/cli/labelledTickets.js';
import { percentile, retrievalReport, type JudgedQuery, type RetrievalReport } from '../../server/src/cli/retrievalMetrics.js';
import { groupReport, inLanguageGroup, type LanguageGroup, type TicketRanking } from '../../server/src/cli/ticketJudgement.js';
import { ms, type BenchRow } from '../report.js';
import { TANDEM } from './retrievalRun.js';

const COMMAND = '`npm run bench -- retrieval`';
const AREA = 'knowledge retrieval';

export interface RetrievalResults {
  tickets: readonly LabelledTicket[];
  /** Rankings by system, then query id (tickets by id, tau2 tasks as `tau2:<id>`, legacy tickets as `legacy:<id>`). */
  rankings: ReadonlyMap<string, ReadonlyMap<string, TicketRanking>>;
  tau2: readonly { id: string; relevant: string[] }[];
  legacy: readonly { id: string; relevant: string[] }[];
  /** Query embedding alone (the text Tandem embeds), per test ticket. */
  embedMs: readonly number[];
  /** Tandem's second search of each test ticket, its embedding shared from the first. */
  repeatMs: readonly number[];
  /** The 1-minute load average when the run ended (2 cores): above 2, timings are of a loaded machine. */
  loadAverage: number;
  sizes: ReadonlyMap<KnowledgeBaseName, { documents: number; chunks: number }>;
}

const f = (x: number | undefined) => (x ?? 0).toFixed(3);
const headline = (r: RetrievalReport) => `${f(r.hitRate['@5'])} / ${f(r.recall['@5'])} / ${f(r.mrr)} / ${f(r.ndcg10)}`;

function peersOf(results: RetrievalResults): string[] {
  return [...results.rankings.keys()].filter((s) => s !== TANDEM);
}

function compare(
  results: RetrievalResults,
  score: (rankings: ReadonlyMap<string, TicketRanking>) => string,
): { value: string; peer: string } {
  const of = (system: string) => score(results.rankings.get(system) ?? new Map());
  return {
    value: of(TANDEM),
    peer: peersOf(results)
      .map((p) => `${p} ${of(p)}`)
      .join('; '),
  };
}

function judged(
  queries: readonly { id: string; relevant: string[] }[],
  prefix: string,
  rankings: ReadonlyMap<string, TicketRanking>,
): JudgedQuery[] {
  return queries.flatMap((q) => {
    const ranking = rankings.get(`${prefix}${q.id}`);
    return ranking === undefined ? [] : [{ id: q.id, relevant: q.relevant, ...ranking }];
  });
}

function languageRow(results: RetrievalResults, test: readonly LabelledTicket[], group: LanguageGroup): BenchRow {
  const members = test.filter((t) => inLanguageGroup(t, group));
  const answerable = members.filter((t) => t.answerable);
  const perKb = (['bank', 'retail', 'demo'] as const).map((kb) => `${kb} ${answerable.filter((t) => t.kb === kb).length}`).join(', ');
  return {
    area: AREA,
    metric: `test split of tickets-v2 (never tuned on), ${group === 'en' ? 'English' : 'non-English (es/de/fr/pt)'}, per ticket: hit@5 / recall@5 / MRR / nDCG@10, ${answerable.length} answerable tickets (${perKb})`,
    ...compare(results, (r) => headline(groupReport(members, r).tickets)),
    command: COMMAND,
  };
}

export function retrievalRows(results: RetrievalResults): BenchRow[] {
  const test = results.tickets.filter((t) => t.split === 'test');
  const dev = results.tickets.filter((t) => t.split === 'dev');
  const tandemTest = results.rankings.get(TANDEM) ?? new Map<string, TicketRanking>();
  const rows: BenchRow[] = [languageRow(results, test, 'en'), languageRow(results, test, 'non-en')];

  const questions = groupReport(test, tandemTest).questions;
  rows.push({
    area: AREA,
    metric: `test split of tickets-v2 (never tuned on), per question (each question of a ticket judged on its own documents), all languages: hit@5 / recall@5, ${questions.answerable} questions`,
    ...compare(results, (r) => {
      const q = groupReport(test, r).questions;
      return `${f(q.hitRate['@5'])} / ${f(q.recall['@5'])}`;
    }),
    command: COMMAND,
  });

  for (const kb of ['bank', 'retail', 'demo'] as const) {
    const ofKb = test.filter((t) => t.kb === kb);
    const size = results.sizes.get(kb);
    if (ofKb.length === 0 || size === undefined) continue;
    rows.push({
      area: AREA,
      metric: `test split of tickets-v2, ${kb} knowledge base (${size.documents} documents, ${size.chunks} chunks), all languages: hit@5 / recall@5 / MRR / nDCG@10, ${ofKb.filter((t) => t.answerable).length} answerable tickets`,
      ...compare(results, (r) => headline(groupReport(ofKb, r).tickets)),
      command: COMMAND,
    });
  }

  const all = groupReport(test, tandemTest).tickets;
  const u = all.unanswerableTopScore;
  const a = all.answerableTopScore;
  if (u !== null && a !== null)
    rows.push({
      area: AREA,
      metric: `test split of tickets-v2: top search score of the ${u.n} unanswerable tickets, p50 / p90 / max`,
      value: `${f(u.p50)} / ${f(u.p90)} / ${f(u.max)}`,
      peer: `answerable tickets' top score p10 ${f(a.p10)}, p50 ${f(a.p50)} (same run)`,
      command: COMMAND,
    });

  rows.push({
    area: AREA,
    metric: `dev split of tickets-v2 (for tuning), all languages, per ticket: hit@5 / recall@5 / MRR / nDCG@10, ${dev.filter((t) => t.answerable).length} answerable tickets`,
    ...compare(results, (r) => headline(groupReport(dev, r).tickets)),
    command: COMMAND,
  });

  if (results.tau2.length > 0)
    rows.push({
      area: AREA,
      metric: `tau2 bank tasks' required_documents (never tuned on), ${results.tau2.length} tasks, scenario as the query: recall@5 / recall@10 / recall@20 / MRR / nDCG@10`,
      ...compare(results, (r) => {
        const t = retrievalReport(judged(results.tau2, 'tau2:', r), [5, 10, 20]);
        return `${f(t.recall['@5'])} / ${f(t.recall['@10'])} / ${f(t.recall['@20'])} / ${f(t.mrr)} / ${f(t.ndcg10)}`;
      }),
      command: COMMAND,
    });

  if (results.legacy.length > 0)
    rows.push({
      area: AREA,
      metric: `legacy dev set bank-tickets.dev.jsonl (tuned on: fusion weights and glossaries), ${results.legacy.filter((q) => q.relevant.length > 0).length} answerable bank tickets: recall@5`,
      ...compare(results, (r) => f(retrievalReport(judged(results.legacy, 'legacy:', r)).recall['@5'])),
      command: COMMAND,
    });

  const latency = (system: string) => test.flatMap((t) => results.rankings.get(system)?.get(t.id)?.latencyMs ?? []);
  const tandemLatency = latency(TANDEM);
  rows.push({
    area: AREA,
    metric: `retrieval per ticket p50 / p95, test split of tickets-v2 (${tandemLatency.length} tickets, three knowledge bases; budget p95 < 50 ms; load average ${results.loadAverage.toFixed(1)} on 2 cores)`,
    value:
      `${ms(percentile(tandemLatency, 50))} / ${ms(percentile(tandemLatency, 95))} (incl. language ID + query embedding); ` +
      `${ms(percentile(results.repeatMs, 50))} / ${ms(percentile(results.repeatMs, 95))} with the ticket's embedding already shared`,
    peer:
      `query embedding alone ${ms(percentile(results.embedMs, 50))} / ${ms(percentile(results.embedMs, 95))}; ` +
      peersOf(results)
        .map((p) => `${p} ${ms(percentile(latency(p), 50))} / ${ms(percentile(latency(p), 95))}`)
        .join('; ') +
      ' (vectors precomputed)',
    command: COMMAND,
  });
  return rows;
}
