/**
 * The analytics capability: the service behind `analytics.*` over the store's event stream, and
 * its live feed, started once the server listens and stopped with it. No routes of its own: the
 * API plugin serves its procedures.
 */
import { analyticsService, type AnalyticsService } from '../analytics/index.js';
import type { Logger } from '../logging/logger.js';
import type { Store } from '../storage/store.js';
import type { Capability } from './capability.js';

export interface AnalyticsCapability extends Capability {
  readonly service: AnalyticsService;
}

export function analyticsPlugin({ store, log }: { store: Store; log: Logger }): AnalyticsCapability {
  const service = analyticsService(store.analytics, {
    onError: (err: unknown) => log.warn({ err }, 'analytics live feed read failed; the next append or poll retries'),
  });
  return {
    name: 'analytics',
    service,
    start: () => service.start(),
    stop: () => service.stop(),
  };
}
