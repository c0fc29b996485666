/**
 * `tandem serve`: starts the server, prints where everything is (startBanner.ts), stops cleanly on
 * Ctrl-C/SIGTERM.
 */
import { demoHelpUrl } from '@tandem/shared';
import type { ServerConfig } from '../config/env.js';
import { createServer, SERVER_VERSION } from '../createServer.js';
import { loadDemoKnowledge } from '../knowledge/ingest/demoKnowledge.js';
import { startBanner } from './startBanner.js';

export async function serveCommand(config: ServerConfig): Promise<number> {
  const tandem = await createServer(config);
  const address = await tandem.start();
  // A brand-new workspace starts with the demo help articles, so search and drafts work at once.
  if (tandem.admin.created && config.demoKnowledge) {
    // With the demo shop on, each article is also its page at /demo/help, so citations open it.
    const pageUrl = config.demoStore ? (fileName: string) => demoHelpUrl(address.replace('[::1]', 'localhost'), fileName) : undefined;
    const demo = await loadDemoKnowledge(tandem.knowledge, tandem.admin.tenantId, pageUrl);
    tandem.server.log.info({ jobId: demo.jobId, documents: demo.documents }, 'loading the demo knowledge base');
  }
  process.stdout.write(startBanner({ version: SERVER_VERSION, address, config, adminToken: tandem.admin.adminToken }));

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
