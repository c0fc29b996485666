/**
 * 500 concurrent widget conversations streaming for 60 s, over real HTTP, against a server in its
 * own process (loadServer.ts) answering through an instant fake LLM (the OpenAI wire format, in
 * this process). Each simulated visitor does what the bundle does: a session, a conversation, one
 * event stream held open all along, then a question, the answer streamed, a pause to read and
 * type (20-40 s, a chat's pace), the next question. Visitors start spread over the first pause, so messages arrive at an
 * even rate. Each question is our own, made unique per message (so no embedding is reused).
 *
 * Figures: errors (any refused request, dropped stream, `error` event, handoff, or answer not
 * complete within 30 s — 0 required), message sent → first answer token p50 / p95 (the server's
 * overhead, the LLM answering instantly; budget p95 < 200 ms) against the fake LLM alone over HTTP
 * in the same run, and the server process's peak resident memory (VmHWM, worker threads included).
 *
 * `WIDGET_LOAD_VISITORS`, `WIDGET_LOAD_SECONDS` and `WIDGET_LOAD_PAUSE_MS` (min-max) shorten a
 * trial run; the committed row comes from the defaults. `WIDGET_LOAD_LOG_LEVEL=debug` shows the
 * server's log (each draft's phase timings) on stderr. The server's CPU time per answer is reported
 * beside the latency: on a shared machine it moves far less than the latency does.
 */
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { startFakeOpenAi } from '../../server/src/testing/fakeOpenAi.js';
import { fakeLlmFirstChunkTimes } from '../fakeLlmAlone.js';
import { ms, percentile, type BenchRow } from '../report.js';
import { LoadVisitor, type SeenEvent } from './loadClient.js';

const COMMAND = '`npm run bench -- widget`';
const ORIGIN = 'https://shop.example';
const ANSWER_TIMEOUT_MS = 30_000;

const VISITORS = Number(process.env.WIDGET_LOAD_VISITORS ?? 500);
const SECONDS = Number(process.env.WIDGET_LOAD_SECONDS ?? 60);
const [PAUSE_MIN, PAUSE_MAX] = (process.env.WIDGET_LOAD_PAUSE_MS ?? '20000-40000').split('-').map(Number) as [number, number];

/** Our own questions about the demo store, and details that make each message unique. */
const QUESTIONS = [
  'How long does standard delivery take?',
  'Can I still return it if it was a gift?',
  'When will my refund reach my card?',
  'How do I start a return?',
  'Is there a warranty on it?',
  'Which payment methods can I use?',
  'How do I track my parcel?',
  'Can I pay by bank transfer?',
  'Can I change the delivery address?',
  'Do you offer express shipping?',
  'How long is the warranty on it?',
  'Where do I find my invoice?',
];
const ITEMS = ['tent', 'backpack', 'rain jacket', 'sleeping bag', 'stove', 'pair of boots', 'headlamp', 'fleece'];

const sleep = (msDelay: number) => new Promise((resolve) => setTimeout(resolve, msDelay));
const between = (min: number, max: number) => min + Math.random() * (max - min);

function question(visitor: number, n: number): string {
  const item = ITEMS[(visitor + n) % ITEMS.length] as string;
  const asked = QUESTIONS[(visitor * 7 + n * 5) % QUESTIONS.length] as string;
  return `I ordered a ${item} ${(visitor % 9) + 1} weeks ago (visit ${visitor}.${n}). ${asked}`;
}

interface ServerProcess {
  url: string;
  siteKey: string;
  pid: number;
  stop(): Promise<void>;
}

async function startServerProcess(llmBaseUrl: string): Promise<ServerProcess> {
  const root = path.resolve(import.meta.dirname, '../..');
  // `node --import tsx`, not the tsx CLI (which runs the script in a second process): the pid must be the server's.
  // WIDGET_LOAD_NODE_ARGS: extra flags for the server's node, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to see where its time goes.
  const nodeArgs = (process.env.WIDGET_LOAD_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', path.join(import.meta.dirname, 'loadServer.ts')], {
    cwd: root,
    env: {
      ...process.env,
      TANDEM_LLM_BASE_URL: llmBaseUrl,
      TANDEM_LLM_API_KEY: 'sk-bench',
      TANDEM_LLM_MODEL: 'instant',
      TANDEM_WIDGET_CACHE: 'false',
      TANDEM_LOG_LEVEL: process.env.WIDGET_LOAD_LOG_LEVEL ?? 'warn',
      LOAD_ORIGIN: ORIGIN,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const lines = createInterface({ input: child.stdout });
  const ready = await new Promise<{ url: string; siteKey: string }>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`load server exited (${code}) before it was ready`)));
    lines.on('line', (line) => {
      if (line.startsWith('{"url"')) resolve(JSON.parse(line) as { url: string; siteKey: string });
      else if (process.env.WIDGET_LOAD_LOG_LEVEL !== undefined) process.stderr.write(`${line}\n`);
    });
  });
  if (child.pid === undefined) throw new Error('load server has no pid');
  return {
    ...ready,
    pid: child.pid,
    async stop() {
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(15_000)]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

/** A process's resident set now (VmRSS) or at its peak so far (VmHWM), from /proc/<pid>/status (Linux). */
async function rssBytes(pid: number, which: 'VmRSS' | 'VmHWM'): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = new RegExp(`${which}:\\s+(\\d+) kB`).exec(status)?.[1];
  return kb === undefined ? Number.NaN : Number(kb) * 1024;
}

/** A process's CPU time so far (user + system, all its threads), in seconds, from /proc/<pid>/stat (Linux). */
async function cpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start at its closing parenthesis; utime and stime are the 14th and 15th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

interface Tally {
  firstTokens: number[];
  answered: number;
  errors: Map<string, number>;
}

function fail(tally: Tally, what: string): void {
  tally.errors.set(what, (tally.errors.get(what) ?? 0) + 1);
}

/** One visitor's conversation until the deadline; every failure counted, never thrown. */
async function visitor(server: ServerProcess, index: number, deadline: number, tally: Tally): Promise<void> {
  const client = new LoadVisitor(server.url, server.siteKey, ORIGIN);
  try {
    await sleep(between(0, PAUSE_MAX));
    const conversationId = await client.start();
    client.open();
    await client.waitFor((events) => events.some((e) => e.event.type === 'conversation'), ANSWER_TIMEOUT_MS);
    for (let n = 0; Date.now() < deadline; n += 1) {
      const seen = client.events.length;
      const sent = performance.now();
      const status = await client.send(conversationId, question(index, n), `load-${index}-${n}`);
      if (status !== 202) {
        fail(tally, `send ${status}`);
        return;
      }
      const ends = (e: SeenEvent) => ['answer', 'handoff', 'error'].includes(e.event.type);
      await client.waitFor((events) => events.slice(seen).some(ends), ANSWER_TIMEOUT_MS);
      const fresh = client.events.slice(seen);
      const end = fresh.find(ends);
      if (end?.event.type !== 'answer') {
        fail(tally, end?.event.type === 'handoff' ? `handoff ${end.event.reason}` : 'error event');
        return;
      }
      const first = fresh.find((e) => e.event.type === 'token');
      if (first === undefined) fail(tally, 'answer without a token');
      else tally.firstTokens.push(first.at - sent);
      tally.answered += 1;
      await sleep(between(PAUSE_MIN, PAUSE_MAX));
    }
  } catch (error) {
    fail(tally, error instanceof Error ? error.message.slice(0, 60) : 'failure');
  } finally {
    client.close();
  }
}

export async function widgetLoadBench(): Promise<BenchRow[]> {
  const fake = await startFakeOpenAi();
  fake.script({ tokens: ['Standard ', 'delivery ', 'takes ', '3 to 5 ', 'business days ', '[1].'] });
  const server = await startServerProcess(fake.baseUrl);
  try {
    const direct = await fakeLlmFirstChunkTimes(fake.baseUrl, 100);
    const atRest = await rssBytes(server.pid, 'VmRSS');
    const tally: Tally = { firstTokens: [], answered: 0, errors: new Map() };
    const cpuBefore = await cpuSeconds(server.pid);
    const started = Date.now();
    const deadline = started + SECONDS * 1000;
    await Promise.all(Array.from({ length: VISITORS }, (_, i) => visitor(server, i, deadline, tally)));
    const elapsed = (Date.now() - started) / 1000;
    // CPU per answer is what a shared machine distorts least: latency there waits for others' work too.
    const cpuPerAnswer = ((await cpuSeconds(server.pid)) - cpuBefore) / Math.max(1, tally.answered);
    const peak = await rssBytes(server.pid, 'VmHWM');
    const errors = [...tally.errors.values()].reduce((a, b) => a + b, 0);
    const errorText = errors === 0 ? '0 errors' : `${errors} errors (${[...tally.errors].map(([k, v]) => `${k}: ${v}`).join(', ')})`;
    const within = percentile(tally.firstTokens, 95) < 200 ? 'within' : 'OVER';
    const shape = `${VISITORS} conversations, ${SECONDS} s, a message every ${PAUSE_MIN / 1000}-${PAUSE_MAX / 1000} s after each answer`;
    return [
      {
        area: 'widget load',
        metric: `${shape}: errors; message sent → first answer token p50 / p95 (instant fake LLM; budget p95 < 200 ms)`,
        value: `${errorText}; ${tally.answered} answers (${(tally.answered / elapsed).toFixed(1)}/s); ${ms(percentile(tally.firstTokens, 50))} / ${ms(percentile(tally.firstTokens, 95))} (${within} budget)`,
        peer: `fake LLM alone over HTTP ${ms(percentile(direct, 50))} / ${ms(percentile(direct, 95))}; server CPU ${ms(cpuPerAnswer * 1000)} per answer (all threads); machine load average ${loadavg()[0]?.toFixed(1) ?? '?'} (1 min, 2 cores) at the end`,
        command: COMMAND,
      },
      {
        area: 'widget load',
        metric: `${shape}: server process peak resident memory (VmHWM, USE-lite worker included; semantic cache off, every message drafted)`,
        value: mb(peak),
        peer: `the same process ready, before the load: ${mb(atRest)}`,
        command: COMMAND,
      },
    ];
  } finally {
    await server.stop();
    await fake.close();
  }
}
