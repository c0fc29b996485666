/**
 * Unauthenticated probes for load balancers and process managers: `/healthz` says the process is
 * alive; `/readyz` says it can serve (storage answers).
 */
import type { FastifyInstance } from 'fastify';
import type { Store } from '../storage/store.js';

export function registerProbeRoutes(app: FastifyInstance, store: Store, isReady: () => boolean): void {
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (req, reply) => {
    if (!isReady()) return reply.code(503).send({ status: 'starting' });
    try {
      await store.db.query('select 1');
      return { status: 'ready' };
    } catch (err) {
      req.log.error({ err }, 'readiness check failed');
      return reply.code(503).send({ status: 'storage-unavailable' });
    }
  });
}
