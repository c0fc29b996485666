/**
 * `tandem seed-activity [--days N] [--seed S] [--per-day N] [--server URL --token T]`: fills a
 * workspace with a small support team's past activity through the real APIs, so the console and
 * benchmarks have data. By default it starts its own server on the configured data directory
 * (stop `tandem serve` first) with the seeding clock, so each day's activity is stamped on that
 * day; with --server it drives a running server, where everything happens now (a running server
 * cannot be asked to backdate facts).
 */
import type { ServerConfig } from '../config/env.js';
import { createServer, type CreateServerOptions } from '../createServer.js';
import { loadDemoKnowledge } from '../knowledge/ingest/demoKnowledge.js';
import type { Logger } from '../logging/logger.js';
import { installSeedClock } from './seedActivityClock.js';
import { playConversation, playDraft, SEED_ORIGIN, SeedVisitor, type Clock } from './seedActivityDriver.js';
import { planActivity, type PlannedStep } from './seedActivityPlan.js';
import { seedShop } from './seedActivityWebhooks.js';
import { serverClient, type ServerClient, type ServerTarget } from './serverClient.js';

export const SEED_ACTIVITY_USAGE =
  'seed-activity [--days 30] [--seed 1] [--per-day 20]  past widget conversations, handoffs, ratings and drafts through the APIs';

export interface SeedActivityOptions {
  days: number;
  seed: number;
  conversationsPerDay: number;
}

export interface SeedActivityResult {
  conversations: number;
  drafts: number;
  from: string;
  to: string;
}

const SITE_NAME = 'Seeded activity';

async function seedSite(api: ServerClient): Promise<string> {
  const sites = await api.widget.sites.list.query();
  const existing = sites.find((s) => s.name === SITE_NAME);
  if (existing !== undefined) return existing.siteKey;
  return (await api.widget.sites.create.mutate({ name: SITE_NAME, allowedOrigins: [SEED_ORIGIN] })).siteKey;
}

/** Plays the plan in time order against a server at `url`. */
export async function playPlan(
  steps: readonly PlannedStep[],
  target: ServerTarget,
  clock: Clock,
  seed: number,
  progress?: (done: number) => void,
): Promise<void> {
  const api = serverClient(target);
  const visitor = new SeedVisitor(target.url, await seedSite(api));
  const shop = await seedShop(api, target.url, seed);
  let done = 0;
  for (const step of steps) {
    if (step.type === 'conversation') await playConversation(step, { visitor, api, shop }, clock);
    else await playDraft(step, api, clock);
    progress?.((done += 1));
  }
}

function summary(steps: readonly PlannedStep[]): SeedActivityResult {
  return {
    conversations: steps.filter((s) => s.type === 'conversation').length,
    drafts: steps.filter((s) => s.type === 'draft').length,
    from: new Date(steps[0]?.at ?? 0).toISOString(),
    to: new Date(steps.at(-1)?.at ?? 0).toISOString(),
  };
}

/** Against a running server: the plan's order and mix, at the present time. */
export async function seedRunningServer(target: ServerTarget, options: SeedActivityOptions): Promise<SeedActivityResult> {
  const steps = planActivity({ ...options, now: Date.now() });
  // A running server's clock is its own: the steps happen now, in the plan's order.
  const present: Clock = { set: () => undefined, advance: () => undefined };
  await playPlan(steps, target, present, options.seed);
  return summary(steps);
}

/**
 * Starts a server on `config` with the seeding clock, loads the demo knowledge base into a new
 * workspace, plays the plan, stops the server and puts the real clock back.
 */
export async function seedInProcess(
  config: ServerConfig,
  options: SeedActivityOptions,
  io: { log?: Logger; progress?: (done: number, total: number) => void; server?: Pick<CreateServerOptions, 'embedder'> } = {},
): Promise<SeedActivityResult> {
  const realNow = Date.now();
  const steps = planActivity({ ...options, now: realNow });
  if (steps.length === 0) throw new Error('nothing to seed');
  const clock = installSeedClock((steps[0]?.at ?? realNow) - 3_600_000);
  try {
    const tandem = await createServer(
      { ...config, port: 0, host: '127.0.0.1' },
      { ...io.server, ...(io.log === undefined ? {} : { logger: io.log }) },
    );
    try {
      const address = await tandem.start();
      const token = tandem.admin.adminToken;
      if (token === undefined) throw new Error('The workspace has no saved admin token in the data directory: set TANDEM_ADMIN_TOKEN');
      const { hits } = await tandem.knowledge.search(tandem.admin.tenantId, { query: 'refund', k: 1 });
      if (hits.length === 0) {
        const demo = await loadDemoKnowledge(tandem.knowledge, tandem.admin.tenantId);
        await tandem.knowledge.ingest.settled(demo.jobId);
        await tandem.knowledge.indexes.settle();
      }
      await playPlan(steps, { url: address.replace('[::1]', '127.0.0.1'), token }, clock, options.seed, (done) =>
        io.progress?.(done, steps.length),
      );
    } finally {
      await tandem.stop();
    }
  } finally {
    clock.restore();
  }
  return summary(steps);
}

/** The CLI entry: in-process on `config`, or against the running server at `target`; prints what it did. */
export async function seedActivityCommand(
  options: SeedActivityOptions,
  where: { config: ServerConfig } | { target: ServerTarget },
  out: NodeJS.WritableStream = process.stdout,
): Promise<number> {
  const started = performance.now();
  const result =
    'config' in where
      ? await seedInProcess(where.config, options, {
          progress: (done, total) => {
            if (done % 50 === 0 || done === total) out.write(`  ${done}/${total} steps\n`);
          },
        })
      : await seedRunningServer(where.target, options);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  out.write(
    `Seeded ${result.conversations} widget conversations and ${result.drafts} drafts from ${result.from} to ${result.to} in ${seconds} s` +
      ('target' in where ? ' (a running server stamps them now, not on past days).\n' : '.\n'),
  );
  return 0;
}
