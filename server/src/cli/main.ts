/**
 * The `tandem` command line: run the server, feed and query its knowledge, evaluate retrieval.
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config/env.js';
import { EmbedderMismatchError } from '../knowledge/search/vectorFiller.js';
import { draftCommand } from './draftCommand.js';
import { EVAL_RETRIEVAL_USAGE, evalRetrievalCommand } from './evalRetrievalCommand.js';
import { ingestCommand } from './ingestCommand.js';
import { reembedCommand } from './reembedCommand.js';
import { searchCommand } from './searchCommand.js';
import { SEED_ACTIVITY_USAGE, seedActivityCommand } from './seedActivityCommand.js';
import { serveCommand } from './serve.js';
import { resolveServerTarget, serverClient } from './serverClient.js';
import { UsageError } from './usageError.js';

const USAGE = `Usage: tandem <command> [options]

Commands:
  serve [--port N] [--host H]            start the Tandem server (configuration from TANDEM_* variables)
  ingest <path|url>... [--source NAME]   add files, folders or web pages to the running server's knowledge
  search "<query>" [--k 5] [--json]      search the running server's knowledge
  draft <ticket.json|->                  stream the draft events of a TicketContext as JSON lines (LLM or embedded drafter)
  ${EVAL_RETRIEVAL_USAGE}
  ${SEED_ACTIVITY_USAGE}
  reembed                                drop stored vectors so the configured embedder rebuilds them (server stopped)
  help                                   show this message

Server connection (ingest, search, draft; seed-activity starts its own server unless --server is given): --server URL (or TANDEM_URL), --token TOKEN (or TANDEM_TOKEN, or .data/admin-token).
`;

const connection = { server: { type: 'string' }, token: { type: 'string' } } as const;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'serve': {
        const { values } = parseArgs({ args: rest, options: { port: { type: 'string' }, host: { type: 'string' } }, strict: true });
        const env = { ...process.env };
        if (values.port !== undefined) env.TANDEM_PORT = values.port;
        if (values.host !== undefined) env.TANDEM_HOST = values.host;
        return await serveCommand(loadConfig(env));
      }
      case 'ingest': {
        const { values, positionals } = parseArgs({
          args: rest,
          options: { ...connection, source: { type: 'string' } },
          allowPositionals: true,
          strict: true,
        });
        if (positionals.length === 0) throw new UsageError('ingest needs at least one file, folder or URL');
        return await ingestCommand(serverClient(await resolveServerTarget(values)), positionals, { source: values.source });
      }
      case 'search': {
        const { values, positionals } = parseArgs({
          args: rest,
          options: { ...connection, k: { type: 'string', default: '5' }, json: { type: 'boolean', default: false } },
          allowPositionals: true,
          strict: true,
        });
        const query = positionals.join(' ').trim();
        if (query === '') throw new UsageError('search needs a query');
        return await searchCommand(serverClient(await resolveServerTarget(values)), query, {
          k: positiveInt(values.k, '--k'),
          json: values.json,
        });
      }
      case 'draft': {
        const { values, positionals } = parseArgs({ args: rest, options: connection, allowPositionals: true, strict: true });
        if (positionals.length !== 1) throw new UsageError('draft needs one ticket file, or - for standard input');
        return await draftCommand(serverClient(await resolveServerTarget(values)), positionals[0] as string);
      }
      case 'eval': {
        const [what, ...args] = rest;
        if (what !== 'retrieval') throw new UsageError("eval supports 'retrieval'");
        return await evalRetrievalCommand(args);
      }
      case 'seed-activity': {
        const { values } = parseArgs({
          args: rest,
          options: {
            ...connection,
            days: { type: 'string', default: '30' },
            seed: { type: 'string', default: '1' },
            'per-day': { type: 'string', default: '20' },
          },
          strict: true,
        });
        const options = {
          days: positiveInt(values.days, '--days'),
          seed: positiveInt(values.seed, '--seed', 1_000_000),
          conversationsPerDay: positiveInt(values['per-day'], '--per-day'),
        };
        return await seedActivityCommand(
          options,
          values.server === undefined ? { config: loadConfig() } : { target: await resolveServerTarget(values) },
        );
      }
      case 'reembed':
        return await reembedCommand(loadConfig());
      case undefined:
      case 'help':
      case '--help':
        process.stdout.write(USAGE);
        return command === undefined ? 1 : 0;
      default:
        throw new UsageError(`Unknown command '${command}'.`);
    }
  } catch (err) {
    if (err instanceof ConfigError || err instanceof EmbedderMismatchError) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    if (err instanceof UsageError || (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS'))) {
      process.stderr.write(`${err.message}\n\n${USAGE}`);
      return 2;
    }
    throw err;
  }
}

function positiveInt(value: string, flag: string, max = 100): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new UsageError(`${flag} expects a whole number from 1 to ${max}`);
  return n;
}
