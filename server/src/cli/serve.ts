/**
 * `tandem serve`: starts the server, prints where everything is, stops cleanly on Ctrl-C/SIGTERM.
 */
import type { ServerConfig } from '../config/env.js';
import { createServer, SERVER_VERSION } from '../createServer.js';

export async function serveCommand(config: ServerConfig): Promise<number> {
  const tandem = await createServer(config);
  const address = await tandem.start();
  const base = address.replace('[::1]', 'localhost');
  const lines = [
    '',
    `  Tandem ${SERVER_VERSION}   ${base}`,
    `  Console        ${base}/console/`,
    `  tRPC API       ${base}/trpc`,
    `  Health         ${base}/healthz`,
    `  Data dir       ${config.dataDir}`,
    `  Admin token    ${tandem.admin.adminToken ?? '(set TANDEM_ADMIN_TOKEN, or see the token printed on first start)'}`,
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);

  await new Promise<void>((resolve) => {
    const shutdown = (signal: string) => {
      tandem.server.log.info({ signal }, 'shutting down');
      tandem.stop().then(resolve, (err: unknown) => {
        tandem.server.log.error({ err }, 'shutdown failed');
        resolve();
      });
    };
    process.once('SIGINT', () => shutdown('SIGINT'));
    process.once('SIGTERM', () => shutdown('SIGTERM'));
  });
  return 0;
}
