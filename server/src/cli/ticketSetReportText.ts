/**
 * The text `tandem eval retrieval --set …` prints: one table per split, a row per language group
 * judged per ticket and per question, then the unanswerable tickets' top scores and the tau2 test.
 */
import type { EvalTicketSetResult } from './evalTicketSet.js';
import type { RetrievalReport } from './retrievalMetrics.js';
import { LANGUAGE_GROUPS } from './ticketJudgement.js';

const KS = ['@1', '@3', '@5', '@10'];
const HEADER = `  ${'unit'.padEnd(18)}${'n'.padStart(5)}  ${KS.map((k) => `hit${k}`.padStart(7)).join('')}  ${KS.map((k) => `rec${k}`.padStart(7)).join('')}    MRR  nDCG@10  p95 ms`;

const f3 = (x: number | undefined) => (x ?? 0).toFixed(3).padStart(7);

function row(label: string, r: RetrievalReport): string {
  return (
    `  ${label.padEnd(18)}${String(r.answerable).padStart(5)}  ${KS.map((k) => f3(r.hitRate[k])).join('')}  ` +
    `${KS.map((k) => f3(r.recall[k])).join('')}  ${r.mrr.toFixed(3)}  ${r.ndcg10.toFixed(3).padStart(7)}  ${r.latencyMs.p95.toFixed(1).padStart(6)}`
  );
}

export function formatTicketSetReport(result: EvalTicketSetResult): string {
  const lines = [`Labelled tickets: ${result.set}`];
  for (const kb of result.knowledgeBases)
    lines.push(
      `  ${kb.kb}: ${kb.documents} documents, ${kb.chunks} chunks, ${kb.tickets} tickets; ingested in ${kb.ingestSeconds} s` +
        (kb.embedSeconds === null ? ' (lexical only)' : `; vectors (${result.embedder ?? '?'}) in ${kb.embedSeconds} s`),
    );
  for (const s of result.skipped) lines.push(`  ${s.kb}: skipped, no data at ${s.missing}`);
  for (const [split, groups] of Object.entries(result.reports)) {
    lines.push('', `Split ${split} (n = answerable units; per ticket: union of its questions' primary documents)`, HEADER);
    for (const group of LANGUAGE_GROUPS) lines.push(row(`tickets ${group}`, groups[group].tickets));
    for (const group of LANGUAGE_GROUPS) lines.push(row(`questions ${group}`, groups[group].questions));
    const u = groups.all.tickets.unanswerableTopScore;
    const a = groups.all.tickets.answerableTopScore;
    if (u !== null)
      lines.push(
        `  unanswerable tickets' top score: n ${u.n}, p50 ${u.p50}, p90 ${u.p90}, max ${u.max}` +
          (a === null ? '' : `   (answerable: p10 ${a.p10}, p50 ${a.p50})`),
      );
  }
  if (result.tau2 !== null) {
    const t = result.tau2;
    lines.push('', `tau2 bank tasks (required_documents, never tuned on): ${t.answerable} tasks`);
    lines.push(
      `  hit  ${Object.entries(t.hitRate)
        .map(([k, v]) => `${k} ${v.toFixed(3)}`)
        .join('   ')}`,
    );
    lines.push(
      `  recall ${Object.entries(t.recall)
        .map(([k, v]) => `${k} ${v.toFixed(3)}`)
        .join('   ')}`,
    );
    lines.push(
      `  MRR ${t.mrr.toFixed(3)}   nDCG@10 ${t.ndcg10.toFixed(3)}   search latency p50 ${t.latencyMs.p50} ms, p95 ${t.latencyMs.p95} ms`,
    );
  }
  return lines.join('\n');
}
