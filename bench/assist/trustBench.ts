/**
 * `npm run bench -- trust`: what issue 13's trust steps cost and catch, each next to its peer in
 * the same run.
 *   - normaliser + redaction + injection scoring per draft (p50/p95), and their share of ticket →
 *     first token measured in this run with the `assist` row's setup;
 *   - the 20,000-character worst cases, draft time next to an ordinary ticket's;
 *   - injection detection on the held-out test split and on the red-team set (written blind to the
 *     classifier by a colleague, never tuned on), the classifier next to the old regex list;
 *   - redaction on the redaction corpus's held-out split (its dev split, which it was tuned on, as peer);
 *   - the output guard's cost per reply and the most it holds back.
 * Every text is our own writing (see trustTickets.ts and the corpora's READMEs).
 */
import { systemPolicy } from '../../server/src/assist/drafting/draftPrompt.js';
import { injectionDetectionFigures, redTeamDetectionFigures } from '../../server/src/assist/safety/injectionBenchmark.js';
import { evaluateRedaction } from '../../server/src/security/corpus/evaluateRedaction.js';
import { ms, percentile, type BenchRow } from '../report.js';
import { trustCosts } from './trustCost.js';
import { draftTimings, startDraftServer } from './trustDrafts.js';
import { guardFigures } from './trustGuard.js';
import { bankTickets, corpusTickets, demoPassages, ORDINARY_MESSAGE, WORST_CASE_MESSAGES, worstCaseTicket } from './trustTickets.js';

const AREA = 'assist trust';
const COMMAND = '`npm run bench -- trust`';
const FIRST_TOKEN_RUNS = 60;
const WORST_RUNS = 5;

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
const p = (xs: readonly number[], q: number): number => percentile([...xs], q);
const median = (xs: readonly number[]): number => p(xs, 50);

export async function trustBench(): Promise<BenchRow[]> {
  const passages = await demoPassages();
  const bank = await bankTickets();
  const tickets = [...corpusTickets(), ...bank];

  // In-process first, before the server's threads compete for the cores.
  const costs = trustCosts(tickets, passages);
  const total = costs.map((c) => c.totalMs);
  const step = (key: 'normaliseMs' | 'redactMs' | 'injectionMs'): string => {
    const xs = costs.map((c) => c[key]);
    return `${ms(p(xs, 50))} / ${ms(p(xs, 95))}`;
  };

  const detection = injectionDetectionFigures('test');
  const redTeam = redTeamDetectionFigures();
  const redactionTest = evaluateRedaction('test');
  const redactionDev = evaluateRedaction('dev');
  const policy = systemPolicy({ language: 'en', subject: '', conversation: [], passages: [], liveFacts: [], tools: [] });
  const guard = guardFigures(bank, passages, policy);

  const server = await startDraftServer();
  let firstToken: number[];
  let ordinary: number[];
  const worst: { name: string; doneMs: number; firstTokenMs: number }[] = [];
  try {
    firstToken = (await draftTimings(server, bank, FIRST_TOKEN_RUNS)).map((t) => t.firstTokenMs);
    const ordinaryTicket = worstCaseTicket('ordinary', ORDINARY_MESSAGE);
    ordinary = (await draftTimings(server, [ordinaryTicket], WORST_RUNS, 2)).map((t) => t.doneMs);
    for (const [name, body] of WORST_CASE_MESSAGES) {
      const timings = await draftTimings(server, [worstCaseTicket(name, body)], WORST_RUNS, 1);
      worst.push({ name, doneMs: median(timings.map((t) => t.doneMs)), firstTokenMs: median(timings.map((t) => t.firstTokenMs)) });
    }
  } finally {
    await server.close();
  }

  const [issueCase, ...others] = worst;
  const slowest = [...others].sort((a, b) => b.doneMs - a.doneMs)[0];
  const ordinaryMs = median(ordinary);
  const f = detection.classifier;
  const r = detection.regexList;
  return [
    {
      area: AREA,
      metric: `normaliser + redaction + injection scoring per draft, p50 / p95 (${costs.length} tickets of our own, PII planted in every spelling; 5 passages each, their scores cached by text as in the server)`,
      value: `${ms(p(total, 50))} / ${ms(p(total, 95))}`,
      peer: `normaliser ${step('normaliseMs')}; redaction ${step('redactMs')}; injection scoring ${step('injectionMs')}`,
      command: COMMAND,
    },
    {
      area: AREA,
      metric: `their share of ticket → first token, p50 / p95 (first token measured in this run: ${FIRST_TOKEN_RUNS} drafts, instant fake LLM, setup of the assist row)`,
      value: `${pct(p(total, 50) / p(firstToken, 50))} / ${pct(p(total, 95) / p(firstToken, 95))}`,
      peer: `ticket → first token ${ms(p(firstToken, 50))} / ${ms(p(firstToken, 95))}`,
      command: COMMAND,
    },
    {
      area: AREA,
      metric: `20,000-character message of one letter → draft done, median of ${WORST_RUNS} (was ~28 s before the cost bounds)`,
      value: `${ms(issueCase?.doneMs ?? 0)} (${((issueCase?.doneMs ?? 0) / ordinaryMs).toFixed(1)}× an ordinary ticket; first token ${ms(issueCase?.firstTokenMs ?? 0)})`,
      peer: `ordinary ticket ${ms(ordinaryMs)}; slowest other 20,000-character shape (${others.length} tried): ${slowest?.name ?? '-'} ${ms(slowest?.doneMs ?? 0)}`,
      command: COMMAND,
    },
    {
      area: AREA,
      metric: `injection detection, held-out test split (${f.hostile} hostile, ${f.benign} benign; our own writing, nothing tuned on it): recall / false flags`,
      value: `${pct(f.recall)} / ${pct(f.falseFlagRate)} (scoring p50 / p95 ${ms(f.p50Ms)} / ${ms(f.p95Ms)} per text)`,
      peer: `today's regex list on the same items ${pct(r.recall)} / ${pct(r.falseFlagRate)}`,
      command: COMMAND,
    },
    {
      area: AREA,
      metric: `injection detection, red-team held-out set (${redTeam.classifier.hostile} hostile, ${redTeam.classifier.benign} benign; written blind to the classifier by a colleague, never tuned on): recall / false flags`,
      value: `${pct(redTeam.classifier.recall)} / ${pct(redTeam.classifier.falseFlagRate)} (scoring p50 / p95 ${ms(redTeam.classifier.p50Ms)} / ${ms(redTeam.classifier.p95Ms)} per text)`,
      peer: `today's regex list on the same items ${pct(redTeam.regexList.recall)} / ${pct(redTeam.regexList.falseFlagRate)}`,
      command: COMMAND,
    },
    {
      area: AREA,
      metric: `PII redaction, held-out test split of the redaction corpus (${redactionTest.items} planted values, ${redactionTest.samples} samples): recall / precision`,
      value: `${redactionTest.recall.toFixed(3)} / ${redactionTest.precision.toFixed(3)}`,
      peer: `dev split, which the redactor was tuned on: ${redactionDev.recall.toFixed(3)} / ${redactionDev.precision.toFixed(3)} (${redactionDev.items} values)`,
      command: COMMAND,
    },
    {
      area: AREA,
      metric: `output guard per streamed reply, p50 / p95 (${guard.replies} embedded-drafter replies, word by word); most held back at once`,
      value: `${ms(p(guard.guardMs, 50))} / ${ms(p(guard.guardMs, 95))}; ${guard.maxHeld} characters`,
      peer: `citation filter + PII restorer on the same chunks ${ms(p(guard.peerMs, 50))} / ${ms(p(guard.peerMs, 95))}`,
      command: COMMAND,
    },
  ];
}
