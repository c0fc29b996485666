/**
 * `tandem serve`: starts the server, prints where everything is, stops cleanly on Ctrl-C/SIGTERM.
 */
import type { ServerConfig } from '../config/env.js';
import { createServer, SERVER_VERSION } from '../createServer.js';
import { loadDemoKnowledge } from '../knowledge/ingest/demoKnowledge.js';

export async function serveCommand(config: ServerConfig): Promise<number> {
  const tandem = await createServer(config);
  const address = await tandem.start();
  // A brand-new workspace starts with the demo help articles, so search and drafts work at once.
  if (tandem.admin.created && config.demoKnowledge) {
    const demo = await loadDemoKnowledge(tandem.knowledge, tandem.admin.tenantId);
    tandem.server.log.info({ jobId: demo.jobId, documents: demo.documents }, 'loading the demo knowledge base');
  }
  const base = address.replace('[::1]', 'localhost');
  const lines = [
    '',
    `  Tandem ${SERVER_VERSION}   ${base}`,
    `  Console        ${base}/console/`,
    `  tRPC API       ${base}/trpc`,
    `  Health         ${base}/healthz`,
    `  Webhooks       ${base}/webhooks/<workspace>/<source>  (signed live events; create a source with live.sources.create)`,
    ...(config.demoStore
      ? [`  Demo store     ${base}/demo-store/api  (generated shop data behind the retail actions and live facts)`]
      : []),
    `  Data dir       ${config.dataDir}`,
    `  Admin token    ${tandem.admin.adminToken ?? '(set TANDEM_ADMIN_TOKEN, or see the token printed on first start)'}`,
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);

  await new Promise<void>((resolve) => {
    let stopping = false;
    // Ctrl-C reaches both this process and the `npm start` wrapper, which forwards it again:
    // the first signal starts a graceful stop, later ones are ignored; a stuck stop is cut short.
    const shutdown = (signal: NodeJS.Signals) => {
      if (stopping) return;
      stopping = true;
      tandem.server.log.info({ signal }, 'shutting down');
      setTimeout(() => {
        tandem.server.log.error('graceful shutdown took over 10 s; exiting');
        process.exit(1);
      }, 10_000).unref();
      tandem.stop().then(resolve, (err: unknown) => {
        tandem.server.log.error({ err }, 'shutdown failed');
        resolve();
      });
    };
    process.on('SIGINT', shutdown);
    process.on('SIGTERM', shutdown);
  });
  return 0;
}
