/**
 * Server configuration, read once from the environment and validated with zod at start, so a bad
 * value stops the server with a message naming the variable instead of failing later: the
 * connector groups included (connectorEnv.ts), and the storage driver only if this build has it.
 * Messages never show a credential's value (masking.ts).
 */
import path from 'node:path';
import { z } from 'zod';
import { connectorsFromEnv, type ConfigProblem, type EnvConnectors } from './connectorEnv.js';
import { shownValue } from './masking.js';
import { AVAILABLE_STORAGE_DRIVERS, isStorageDriverAvailable, STORAGE_DRIVERS } from './storageDrivers.js';

const port = z.coerce
  .number({ error: 'expected a port number' })
  .int('expected a whole number')
  .min(0, 'expected 0-65535')
  .max(65535, 'expected 0-65535');

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const quoted = (names: readonly string[]) => names.map((n) => `'${n}'`).join(' or ');

const withoutControlCharacters = (value: string) => [...value].every((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f);

/**
 * A credential, shown nowhere (masking.ts hides every variable named SECRET, TOKEN, KEY or
 * PASSWORD). A line break or control character in one is always a paste mistake that would break
 * the header it is sent in, so it is refused at start rather than at the first call.
 */
const secret = (minLength = 1) =>
  optionalString.pipe(
    z
      .string()
      .min(minLength, `must be at least ${minLength} characters`)
      .refine(withoutControlCharacters, 'must not contain line breaks or control characters')
      .optional(),
  );

export const envSchema = z
  .object({
    TANDEM_PORT: port.default(8787),
    TANDEM_HOST: z.string().trim().min(1).default('127.0.0.1'),
    TANDEM_DATA_DIR: z.string().trim().min(1).default('.data'),
    TANDEM_STORAGE: z.enum(STORAGE_DRIVERS, { error: `expected ${quoted(STORAGE_DRIVERS)}` }).default('pglite'),
    TANDEM_DATABASE_URL: optionalString.pipe(z.url({ protocol: /^postgres(ql)?$/, error: 'expected a postgres:// URL' }).optional()),
    TANDEM_LLM_BASE_URL: optionalString.pipe(z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).optional()),
    TANDEM_LLM_API_KEY: secret(),
    TANDEM_LLM_MODEL: z.string().trim().min(1).default('gpt-4o-mini'),
    TANDEM_EMBEDDER: z
      .enum(['use-lite', 'transformers', 'openai'], { error: "expected 'use-lite', 'transformers' or 'openai'" })
      .default('use-lite'),
    TANDEM_EMBEDDINGS_BASE_URL: optionalString.pipe(z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).optional()),
    TANDEM_EMBEDDINGS_API_KEY: secret(),
    TANDEM_EMBEDDINGS_MODEL: z.string().trim().min(1).default('text-embedding-3-small'),
    TANDEM_TRANSFORMERS_MODEL: z.string().trim().min(1).default('Xenova/all-MiniLM-L6-v2'),
    TANDEM_MODELS_DIR: optionalString,
    TANDEM_TRANSFORMERS_ALLOW_REMOTE: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
    TANDEM_MAX_UPLOAD_MB: z.coerce.number({ error: 'expected a number of megabytes' }).positive().max(1024).default(25),
    TANDEM_DEMO_KNOWLEDGE: z
      .enum(['true', 'false'])
      .default('true')
      .transform((v) => v === 'true'),
    TANDEM_DEMO_STORE: z
      .enum(['true', 'false'])
      .default('true')
      .transform((v) => v === 'true'),
    // Unset: the confidence model's fitted threshold (assist/confidence/confidenceWeights.ts), then each workspace's own.
    TANDEM_REVIEW_THRESHOLD: z.coerce.number({ error: 'expected a number from 0 to 1' }).min(0).max(1).optional(),
    // Domains drafts may link to besides each draft's own sources (subdomains included); the output guard removes other links.
    TANDEM_LINK_DOMAINS: z
      .string()
      .default('')
      .transform((v) =>
        v
          .split(',')
          .map((d) => d.trim().toLowerCase())
          .filter(Boolean),
      )
      .pipe(
        z.array(
          z.string().regex(/^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/, 'expected a comma-separated list of domains'),
        ),
      ),
    // The connector groups: each is checked as a whole by connectorsFromEnv (all or none, then the connector's schema).
    TANDEM_SHOPIFY_SHOP: optionalString,
    TANDEM_SHOPIFY_TOKEN: secret(),
    TANDEM_ZENDESK_SUBDOMAIN: optionalString,
    TANDEM_ZENDESK_EMAIL: optionalString,
    TANDEM_ZENDESK_TOKEN: secret(),
    TANDEM_CALENDLY_TOKEN: secret(),
    TANDEM_CALENDLY_OWNER: optionalString,
    TANDEM_ACTION_WEBHOOK_URL: optionalString,
    TANDEM_ACTION_WEBHOOK_SECRET: secret(),
    TANDEM_ALLOW_PRIVATE_URLS: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
    TANDEM_ADMIN_TOKEN: secret(24),
    TANDEM_CONSOLE_DIR: optionalString,
    TANDEM_CORS_ORIGINS: z
      .string()
      .default('tandem://app')
      .transform((v) =>
        v
          .split(',')
          .map((o) => o.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.url({ error: 'expected a comma-separated list of origins' }))),
    TANDEM_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    // The widget's semantic cache (widget/semanticCache.ts): on or off, how close a question must be, entries per workspace.
    TANDEM_WIDGET_CACHE: z
      .enum(['true', 'false'], { error: "expected 'true' or 'false'" })
      .default('true')
      .transform((v) => v === 'true'),
    // 0.8 was chosen on the paraphrase set's train + dev splits (bench/widget/cacheQuality.ts); test is reported in BENCHMARKS.md.
    TANDEM_WIDGET_CACHE_SIMILARITY: z.coerce.number({ error: 'expected a number from 0 to 1' }).min(0).max(1).default(0.8),
    TANDEM_WIDGET_CACHE_ENTRIES: z.coerce
      .number({ error: 'expected a whole number of entries' })
      .int('expected a whole number of entries')
      .min(1)
      .max(100_000)
      .default(1_000),
  })
  .superRefine((env, ctx) => {
    if (env.TANDEM_EMBEDDER === 'openai' && (env.TANDEM_EMBEDDINGS_BASE_URL ?? env.TANDEM_LLM_BASE_URL) === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['TANDEM_EMBEDDINGS_BASE_URL'],
        message: "required (or TANDEM_LLM_BASE_URL) when TANDEM_EMBEDDER is 'openai'",
      });
    }
    if (!isStorageDriverAvailable(env.TANDEM_STORAGE)) {
      ctx.addIssue({
        code: 'custom',
        path: ['TANDEM_STORAGE'],
        message: `the '${env.TANDEM_STORAGE}' driver is not available in this version of Tandem yet (available: ${quoted(AVAILABLE_STORAGE_DRIVERS)})`,
      });
    }
    if (env.TANDEM_STORAGE === 'postgres' && env.TANDEM_DATABASE_URL === undefined) {
      ctx.addIssue({ code: 'custom', path: ['TANDEM_DATABASE_URL'], message: "required when TANDEM_STORAGE is 'postgres'" });
    }
  });

export type Env = z.infer<typeof envSchema>;

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  storage: { driver: 'pglite' } | { driver: 'postgres'; url: string };
  llm: { baseUrl: string | undefined; apiKey: string | undefined; model: string };
  embedder: {
    kind: Env['TANDEM_EMBEDDER'];
    /** OpenAI-compatible `/v1/embeddings`: defaults to the LLM's base URL and key. */
    openai: { baseUrl: string | undefined; apiKey: string | undefined; model: string };
    /** transformers.js: model name under `modelsDir` (<org>/<name>/...), hub download only when allowed. */
    transformers: { model: string; modelsDir: string; allowRemote: boolean };
  };
  knowledge: { maxUploadBytes: number; allowPrivateUrls: boolean };
  /** Load the demo help articles into a workspace created on first start. */
  demoKnowledge: boolean;
  /** Serve Tandem's own demo store (customers, orders, payments) at /demo-store/api and use it for actions and live facts. */
  demoStore: boolean;
  /** `linkDomains`: where drafts may link besides their sources' hosts, for every workspace. */
  assist: { reviewThreshold: number | undefined; linkDomains: string[]; connectors: EnvConnectors };
  adminToken: string | undefined;
  consoleDir: string;
  /** Origins other than the server's own allowed to call the API from a browser (the desktop app's tandem://app). */
  corsOrigins: string[];
  logLevel: Env['TANDEM_LOG_LEVEL'];
  /** The website widget's semantic cache of answers to first questions. */
  widget: { cache: { enabled: boolean; similarity: number; maxEntriesPerWorkspace: number } };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid Tandem configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const defaultConsoleDir = path.resolve(import.meta.dirname, '../../../desktop/dist/renderer');

/** Reads and validates the environment; throws a `ConfigError` listing every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): ServerConfig {
  const parsed = envSchema.safeParse(env);
  // A separate pass, so a bad connector is reported together with every other bad variable.
  const connectors = connectorsFromEnv((name) => {
    const value = env[name]?.trim();
    return value === '' ? undefined : value;
  });
  const problems: ConfigProblem[] = [
    ...(parsed.success ? [] : parsed.error.issues.map((issue) => ({ variable: issue.path.join('.'), message: issue.message }))),
    ...connectors.problems,
  ];
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems.map((p) => describeProblem(p, env[p.variable])));
  const e = parsed.data;
  return {
    port: e.TANDEM_PORT,
    host: e.TANDEM_HOST,
    dataDir: path.resolve(cwd, e.TANDEM_DATA_DIR),
    storage: e.TANDEM_STORAGE === 'postgres' ? { driver: 'postgres', url: e.TANDEM_DATABASE_URL ?? '' } : { driver: 'pglite' },
    llm: { baseUrl: e.TANDEM_LLM_BASE_URL, apiKey: e.TANDEM_LLM_API_KEY, model: e.TANDEM_LLM_MODEL },
    embedder: {
      kind: e.TANDEM_EMBEDDER,
      openai: {
        baseUrl: e.TANDEM_EMBEDDINGS_BASE_URL ?? e.TANDEM_LLM_BASE_URL,
        apiKey: e.TANDEM_EMBEDDINGS_API_KEY ?? e.TANDEM_LLM_API_KEY,
        model: e.TANDEM_EMBEDDINGS_MODEL,
      },
      transformers: {
        model: e.TANDEM_TRANSFORMERS_MODEL,
        modelsDir: path.resolve(cwd, e.TANDEM_MODELS_DIR ?? path.join(e.TANDEM_DATA_DIR, 'models')),
        allowRemote: e.TANDEM_TRANSFORMERS_ALLOW_REMOTE,
      },
    },
    demoKnowledge: e.TANDEM_DEMO_KNOWLEDGE,
    demoStore: e.TANDEM_DEMO_STORE,
    assist: {
      reviewThreshold: e.TANDEM_REVIEW_THRESHOLD,
      linkDomains: e.TANDEM_LINK_DOMAINS,
      connectors: connectors.connectors,
    },
    knowledge: { maxUploadBytes: Math.round(e.TANDEM_MAX_UPLOAD_MB * 1024 * 1024), allowPrivateUrls: e.TANDEM_ALLOW_PRIVATE_URLS },
    adminToken: e.TANDEM_ADMIN_TOKEN,
    consoleDir: e.TANDEM_CONSOLE_DIR === undefined ? defaultConsoleDir : path.resolve(cwd, e.TANDEM_CONSOLE_DIR),
    corsOrigins: e.TANDEM_CORS_ORIGINS,
    logLevel: e.TANDEM_LOG_LEVEL,
    widget: {
      cache: {
        enabled: e.TANDEM_WIDGET_CACHE,
        similarity: e.TANDEM_WIDGET_CACHE_SIMILARITY,
        maxEntriesPerWorkspace: e.TANDEM_WIDGET_CACHE_ENTRIES,
      },
    },
  };
}

/** `NAME: message (got 'value')`, the value left out for a credential and masked in a URL. */
function describeProblem(problem: ConfigProblem, given: string | undefined): string {
  const shown = shownValue(problem.variable, given);
  return `${problem.variable}: ${problem.message}${shown === undefined ? '' : ` (got '${shown}')`}`;
}
