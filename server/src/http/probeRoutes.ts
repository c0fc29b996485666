/**
 * Unauthenticated probes for load balancers and process managers: `/healthz` says the process is
 * alive; `/readyz` says it can serve (started, and storage answers).
 */
import type { FastifyInstance } from 'fastify';
import type { HealthCheck } from './healthCheck.js';

export function registerProbeRoutes(app: FastifyInstance, health: Pick<HealthCheck, 'ready'>, isStarted: () => boolean): void {
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_req, reply) => {
    if (!isStarted()) return reply.code(503).send({ status: 'starting' });
    if (!(await health.ready())) return reply.code(503).send({ status: 'storage-unavailable' });
    return { status: 'ready' };
  });
}
