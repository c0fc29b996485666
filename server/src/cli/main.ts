/**
 * The `tandem` command line. `serve` runs the server; later work adds ingest, search, eval, draft.
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config/env.js';
import { serveCommand } from './serve.js';

const USAGE = `Usage: tandem <command> [options]

Commands:
  serve            start the Tandem server (configuration from TANDEM_* environment variables)
  help             show this message
`;

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
      case undefined:
      case 'help':
      case '--help':
        process.stdout.write(USAGE);
        return command === undefined ? 1 : 0;
      default:
        process.stderr.write(`Unknown command '${command}'.\n\n${USAGE}`);
        return 2;
    }
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    if (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${err.message}\n\n${USAGE}`);
      return 2;
    }
    throw err;
  }
}
