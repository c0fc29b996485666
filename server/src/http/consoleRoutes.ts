/**
 * Serves the team-lead console (the desktop app's React renderer, built by Vite) at `/console`,
 * with the SPA fallback to its index page.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export async function registerConsoleRoutes(app: FastifyInstance, consoleDir: string): Promise<void> {
  if (!existsSync(path.join(consoleDir, 'index.html'))) {
    app.log.warn({ consoleDir }, 'console is not built; /console answers 503 until it is');
    app.get('/console*', async (_req, reply) =>
      reply.code(503).type('text/plain').send('The console is not built. Run `npm start` or `pnpm --filter @tandem/desktop build`.'),
    );
    return;
  }
  await app.register(fastifyStatic, { root: consoleDir, prefix: '/console/', wildcard: false, index: ['index.html'] });
  app.get('/console', async (_req, reply) => reply.redirect('/console/'));
  app.get('/console/*', async (_req, reply) => reply.sendFile('index.html'));
}
