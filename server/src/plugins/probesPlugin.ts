/** The probes capability: `/healthz` (alive) and `/readyz` (started, and storage answers), without a token. */
import type { HealthCheck } from '../http/healthCheck.js';
import { registerProbeRoutes } from '../http/probeRoutes.js';
import type { Capability } from './capability.js';

export function probesPlugin(health: Pick<HealthCheck, 'ready'>): Capability {
  let started = false;
  return {
    name: 'probes',
    routes: async (scope) => registerProbeRoutes(scope, health, () => started),
    start() {
      started = true;
    },
    drain() {
      started = false;
    },
  };
}
