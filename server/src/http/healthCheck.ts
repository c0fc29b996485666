/**
 * Server health, for the console (`health.status`) and the readiness probe (`/readyz`): the
 * version, uptime, and a live check of each component (today: storage answers a query).
 */
import type { HealthStatus } from '@tandem/shared';
import type { Logger } from '../logging/logger.js';
import type { Store } from '../storage/store.js';

export interface HealthCheckDeps {
  store: Pick<Store, 'db'>;
  version: string;
  startedAt: number;
  log: Pick<Logger, 'error'>;
}

export function healthCheck({ store, version, startedAt, log }: HealthCheckDeps) {
  async function storageAnswers(): Promise<HealthStatus['components'][number]> {
    const started = performance.now();
    try {
      await store.db.query('select 1');
      return { name: 'storage', ok: true, detail: `${store.db.driver} answered in ${(performance.now() - started).toFixed(1)} ms` };
    } catch (err) {
      log.error({ err }, 'storage health check failed');
      return { name: 'storage', ok: false, detail: 'storage did not answer' };
    }
  }
  return {
    async status(): Promise<HealthStatus> {
      const components = [await storageAnswers()];
      return {
        status: components.every((c) => c.ok) ? 'ok' : 'degraded',
        version,
        uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
        storage: store.db.driver,
        components,
      };
    },
    /** Every component answers: the process can serve. */
    async ready(): Promise<boolean> {
      return (await storageAnswers()).ok;
    },
  };
}

export type HealthCheck = ReturnType<typeof healthCheck>;
