/**
 * The analytics alerts capability: the engine evaluating every workspace's alert rules (after
 * analytics events commit and on a timer), delivering through the live context (live.alerts,
 * outbound webhooks), and the rules service behind `alerts.*`. No routes of its own.
 */
import { alertEngine, alertRulesService, type AlertRulesService } from '../analytics/alerts/index.js';
import type { LiveContext } from '../live/index.js';
import type { Logger } from '../logging/logger.js';
import type { Store } from '../storage/store.js';
import type { Capability } from './capability.js';

export interface AlertsCapability extends Capability {
  readonly service: AlertRulesService;
  /** Evaluates every rule now (tests). */
  evaluate(): Promise<unknown>;
}

export function alertsPlugin({ store, log, live }: { store: Store; log: Logger; live: LiveContext }): AlertsCapability {
  const engine = alertEngine({
    rules: store.alertRules,
    events: store.analytics,
    deliver: (tenantId, alert) => live.raise(tenantId, alert),
    log,
  });
  let started = false;
  const service = alertRulesService(store.alertRules, {
    // Before start (no listener yet) a change waits for the first evaluation at start.
    evaluate: () => {
      if (started) void engine.evaluate().catch((err: unknown) => log.error({ err }, 'analytics alert evaluation failed'));
    },
  });
  return {
    name: 'alerts',
    service,
    evaluate: () => engine.evaluate(),
    start: () => {
      started = true;
      engine.start();
    },
    stop: async () => {
      started = false;
      await engine.stop();
    },
  };
}
