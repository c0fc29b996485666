/**
 * Server configuration, read once from the environment and validated with zod at start, so a bad
 * value stops the server with a message naming the variable instead of failing later.
 */
import path from 'node:path';
import { z } from 'zod';

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

export const envSchema = z
  .object({
    TANDEM_PORT: port.default(8787),
    TANDEM_HOST: z.string().trim().min(1).default('127.0.0.1'),
    TANDEM_DATA_DIR: z.string().trim().min(1).default('.data'),
    TANDEM_STORAGE: z.enum(['pglite', 'postgres'], { error: "expected 'pglite' or 'postgres'" }).default('pglite'),
    TANDEM_DATABASE_URL: optionalString.pipe(z.url({ protocol: /^postgres(ql)?$/, error: 'expected a postgres:// URL' }).optional()),
    TANDEM_LLM_BASE_URL: optionalString.pipe(z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).optional()),
    TANDEM_LLM_API_KEY: optionalString,
    TANDEM_LLM_MODEL: z.string().trim().min(1).default('gpt-4o-mini'),
    TANDEM_EMBEDDER: z
      .enum(['use-lite', 'transformers', 'openai'], { error: "expected 'use-lite', 'transformers' or 'openai'" })
      .default('use-lite'),
    TANDEM_ADMIN_TOKEN: optionalString.pipe(z.string().min(24, 'must be at least 24 characters').optional()),
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
  })
  .superRefine((env, ctx) => {
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
  embedder: Env['TANDEM_EMBEDDER'];
  adminToken: string | undefined;
  consoleDir: string;
  /** Origins other than the server's own allowed to call the API from a browser (the desktop app's tandem://app). */
  corsOrigins: string[];
  logLevel: Env['TANDEM_LOG_LEVEL'];
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
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = issue.path.join('.');
      const given = env[name];
      const shown = name.includes('KEY') || name.includes('TOKEN') || given === undefined ? '' : ` (got '${given}')`;
      return `${name}: ${issue.message}${shown}`;
    });
    throw new ConfigError(problems);
  }
  const e = parsed.data;
  return {
    port: e.TANDEM_PORT,
    host: e.TANDEM_HOST,
    dataDir: path.resolve(cwd, e.TANDEM_DATA_DIR),
    storage: e.TANDEM_STORAGE === 'postgres' ? { driver: 'postgres', url: e.TANDEM_DATABASE_URL ?? '' } : { driver: 'pglite' },
    llm: { baseUrl: e.TANDEM_LLM_BASE_URL, apiKey: e.TANDEM_LLM_API_KEY, model: e.TANDEM_LLM_MODEL },
    embedder: e.TANDEM_EMBEDDER,
    adminToken: e.TANDEM_ADMIN_TOKEN,
    consoleDir: e.TANDEM_CONSOLE_DIR === undefined ? defaultConsoleDir : path.resolve(cwd, e.TANDEM_CONSOLE_DIR),
    corsOrigins: e.TANDEM_CORS_ORIGINS,
    logLevel: e.TANDEM_LOG_LEVEL,
  };
}
