/**
 * A bare HTTP server with only the live-event webhook on it, for the crash test's child process
 * and the ingest benchmark (which cannot import Fastify itself: it is the server's dependency).
 */
import Fastify from 'fastify';
import { registerLiveWebhooks, type LiveWebhookDeps } from '../http/liveWebhookRoutes.js';

export async function startLiveWebhookServer(deps: LiveWebhookDeps): Promise<{ url: string; close: () => Promise<void> }> {
  const app = Fastify({ logger: false });
  await registerLiveWebhooks(app, deps);
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return { url, close: () => app.close() };
}
