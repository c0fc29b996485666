/**
 * Bench area `drafts`: the draft evaluation (draftFactsRun.ts) on the dev and test splits of
 * Tandem's labelled tickets, embedded drafter always, the LLM drafter when one is configured
 * (TANDEM_LLM_BASE_URL / TANDEM_LLM_API_KEY; skipped otherwise). Every draft with its fact check
 * is written to .data/bench/drafts/<drafter>-<split>.json for whoever improves the drafter.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SHIPPED_REVIEW_THRESHOLD } from '../../server/src/assist/confidence/answerConfidence.js';
import { KNOWLEDGE_BASES, type Split } from '../../server/src/cli/labelledTickets.js';
import { loadConfig } from '../../server/src/config/env.js';
import { createEmbedder } from '../../server/src/knowledge/embedding/createEmbedder.js';
import { ROOT } from '../knowledge/bankKb.js';
import { availableKbs, DATA_ROOT, kbCache, TICKETS_V2 } from '../knowledge/evalSets.js';
import { ms, type BenchRow } from '../report.js';
import { evaluateDrafts, type DraftOutcome, type DrafterChoice } from './draftFactsRun.js';
import { summariseDrafts } from './draftFactsSummary.js';

const COMMAND = '`npm run bench -- drafts`';
const SPLITS: readonly Split[] = ['dev', 'test'];
const OUT_DIR = path.resolve(ROOT, '.data', 'bench', 'drafts');
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

function rowsFor(drafter: DrafterChoice, split: Split, outcomes: readonly DraftOutcome[], threshold: number): BenchRow[] {
  const all = summariseDrafts(outcomes);
  const en = summariseDrafts(outcomes.filter((o) => o.language === 'en'));
  const other = summariseDrafts(outcomes.filter((o) => o.language !== 'en'));
  const label = `${split} split of tickets-v2 (${split === 'test' ? 'never tuned on' : 'for tuning'})`;
  const forbiddenDrafts = outcomes.filter((o) => o.facts.forbidden.length > 0).length;
  return [
    {
      area: 'assist drafts',
      metric: `${drafter} drafter: required facts stated, ${label}, ${all.answerable} answerable tickets, ${all.facts} facts`,
      value: `${pct(all.factCoverage)} (en ${pct(en.factCoverage)}, non-en ${pct(other.factCoverage)}); every fact in ${pct(all.allFactsShare)} of drafts`,
      peer: `the sources it was given hold ${pct(all.sourceFactCoverage)} of the facts`,
      command: COMMAND,
    },
    {
      area: 'assist drafts',
      metric: `${drafter} drafter: drafts stating a wrong (forbidden) fact, ${label}, ${all.drafts} drafts`,
      value: `${pct(all.forbiddenShare)} (${forbiddenDrafts}/${all.drafts})`,
      peer: `sources holding one ${pct(all.sourceForbiddenShare)}`,
      command: COMMAND,
    },
    {
      area: 'assist drafts',
      metric: `${drafter} drafter: marked for review (confidence < ${threshold.toFixed(2)}), answerable / unanswerable tickets, ${label} (targets ≤ 20% / ≥ 80%)`,
      value: `${pct(all.flaggedAnswerable)} of ${all.answerable} / ${pct(all.flaggedUnanswerable)} of ${all.unanswerable}`,
      peer: `ticket → done p50 / p95 ${ms(all.msP50)} / ${ms(all.msP95)}${all.errors > 0 ? `; ${all.errors} drafts failed` : ''}`,
      command: COMMAND,
    },
  ];
}

export async function draftsBench(): Promise<BenchRow[]> {
  const config = loadConfig({ TANDEM_LOG_LEVEL: 'warn' });
  const kbs = availableKbs(KNOWLEDGE_BASES);
  const embedder = createEmbedder(config.embedder);
  const rows: BenchRow[] = [];
  try {
    await mkdir(OUT_DIR, { recursive: true });
    for (const drafter of ['embedded', 'llm'] as const) {
      const evaluation = await evaluateDrafts(
        { set: TICKETS_V2, splits: SPLITS, kbs, dataRoot: DATA_ROOT, drafter, cacheDir: kbCache },
        config,
        embedder,
      );
      if (evaluation === undefined) {
        console.log(`skipped: the ${drafter} drafter is not configured (TANDEM_LLM_BASE_URL / TANDEM_LLM_API_KEY)`);
        continue;
      }
      for (const split of SPLITS) {
        const outcomes = evaluation.outcomes.filter((o) => o.split === split);
        await writeFile(path.join(OUT_DIR, `${drafter}-${split}.json`), `${JSON.stringify(outcomes, null, 2)}\n`);
        rows.push(...rowsFor(drafter, split, outcomes, config.assist.reviewThreshold ?? SHIPPED_REVIEW_THRESHOLD));
      }
    }
    return rows;
  } finally {
    await embedder.close();
  }
}
