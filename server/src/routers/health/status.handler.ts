/**
 * Server health for the console: version, uptime, storage, and a live check of each component.
 */
import type { HealthStatus } from '@tandem/shared';
import type { ServerDeps } from '../../trpc/context.js';

export async function healthStatus(deps: ServerDeps): Promise<HealthStatus> {
  const started = performance.now();
  let storage: HealthStatus['components'][number];
  try {
    await deps.store.db.query('select 1');
    storage = { name: 'storage', ok: true, detail: `${deps.store.db.driver} answered in ${(performance.now() - started).toFixed(1)} ms` };
  } catch (err) {
    deps.logger.error({ err }, 'storage health check failed');
    storage = { name: 'storage', ok: false, detail: 'storage did not answer' };
  }
  const components = [storage];
  return {
    status: components.every((c) => c.ok) ? 'ok' : 'degraded',
    version: deps.version,
    uptimeSeconds: Math.round((Date.now() - deps.startedAt) / 1000),
    storage: deps.store.db.driver,
    components,
  };
}
