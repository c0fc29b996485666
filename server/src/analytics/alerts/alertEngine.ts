/**
 * Evaluates every enabled alert rule continuously: after analytics events commit (debounced) and
 * on a timer, so a wait that grows with no new events still breaches. A breach fires once and
 * resolves once. Delivery goes first with an occurrence key fixed by the breach number (the live
 * context stores each key once), then the state moves by compare-and-set; so a crash between the
 * two, a restart during a breach, or two evaluations at once never deliver the same breach twice.
 */
import type { AnalyticsEvent } from '@tandem/shared';
import type { Logger } from '../../logging/logger.js';
import type { AlertRulesRepo, StoredAlertRule } from '../../storage/alertRulesRepo.js';
import type { AnalyticsEventsRepo } from '../../storage/analytics/analyticsEventsRepo.js';
import { onAnalyticsAppended } from '../../storage/analytics/appendSignal.js';
import { isBreach, measureAlert } from './alertMeasures.js';
import { firedAlert, resolvedAlert, type AlertDelivery } from './alertMessages.js';

export interface AlertEngineOptions {
  rules: AlertRulesRepo;
  events: Pick<AnalyticsEventsRepo, 'inPeriod'>;
  /** Stores and pushes one alert (live.alerts, outbound webhooks); must be idempotent on the occurrence key. */
  deliver: (tenantId: string, alert: AlertDelivery) => Promise<void>;
  log: Logger;
  now?: () => Date;
  /** How often the timer evaluates (default 30 s). */
  intervalMs?: number;
  /** Pause after an event commit before evaluating, so a burst is one evaluation (default 250 ms). */
  debounceMs?: number;
}

export interface AlertTransition {
  ruleId: string;
  change: 'fired' | 'resolved';
  number: number;
}

export function alertEngine(options: AlertEngineOptions) {
  const now = options.now ?? (() => new Date());
  let chain: Promise<AlertTransition[]> = Promise.resolve([]);
  let timer: NodeJS.Timeout | undefined;
  let debounce: NodeJS.Timeout | undefined;
  let unsubscribe: (() => void) | undefined;

  async function evaluateRule(rule: StoredAlertRule, at: Date, events: readonly AnalyticsEvent[]): Promise<AlertTransition | undefined> {
    const measure = measureAlert(rule.kind, events, at);
    const breached = isBreach(rule, measure);
    if (breached && rule.breach === null) {
      const number = rule.breachCount + 1;
      await options.deliver(rule.tenantId, firedAlert(rule, number, measure.value, at));
      if (await options.rules.openBreach(rule.id, number, at.toISOString(), measure.value)) {
        options.log.info({ ruleId: rule.id, kind: rule.kind, number }, 'analytics alert fired');
        return { ruleId: rule.id, change: 'fired', number };
      }
    } else if (!breached && rule.breach !== null) {
      const number = rule.breach.number;
      await options.deliver(rule.tenantId, resolvedAlert(rule, number, measure.value, at));
      if (await options.rules.closeBreach(rule.id, number)) {
        options.log.info({ ruleId: rule.id, kind: rule.kind, number }, 'analytics alert resolved');
        return { ruleId: rule.id, change: 'resolved', number };
      }
    }
    return undefined;
  }

  async function evaluateAll(): Promise<AlertTransition[]> {
    const at = now();
    const transitions: AlertTransition[] = [];
    /** One read per workspace and window: rules sharing a window share the events. */
    const reads = new Map<string, Promise<AnalyticsEvent[]>>();
    for (const rule of await options.rules.enabled()) {
      const key = `${rule.tenantId} ${rule.windowMinutes}`;
      let read = reads.get(key);
      if (read === undefined) {
        const from = new Date(at.getTime() - rule.windowMinutes * 60_000).toISOString();
        // The end is exclusive; a millisecond past now includes an event stamped this instant.
        read = options.events.inPeriod(rule.tenantId, { from, to: new Date(at.getTime() + 1).toISOString() });
        reads.set(key, read);
      }
      try {
        const transition = await evaluateRule(rule, at, await read);
        if (transition !== undefined) transitions.push(transition);
      } catch (err: unknown) {
        // The state did not move, so the next evaluation retries this rule.
        options.log.error({ err, ruleId: rule.id }, 'analytics alert evaluation failed');
      }
    }
    return transitions;
  }

  /** Evaluates every enabled rule now (after any evaluation under way); the breaches opened and closed. */
  function evaluate(): Promise<AlertTransition[]> {
    const run = chain.then(evaluateAll, evaluateAll);
    chain = run.catch(() => []);
    return run;
  }
  const evaluateLogged = () => void evaluate().catch((err: unknown) => options.log.error({ err }, 'analytics alert evaluation failed'));

  return {
    evaluate,
    start(): void {
      unsubscribe ??= onAnalyticsAppended(() => {
        if (debounce !== undefined) return;
        debounce = setTimeout(() => {
          debounce = undefined;
          evaluateLogged();
        }, options.debounceMs ?? 250);
        debounce.unref();
      });
      timer ??= setInterval(evaluateLogged, options.intervalMs ?? 30_000);
      timer.unref();
      evaluateLogged();
    },
    async stop(): Promise<void> {
      unsubscribe?.();
      unsubscribe = undefined;
      clearInterval(timer);
      timer = undefined;
      clearTimeout(debounce);
      debounce = undefined;
      await chain;
    },
  };
}
export type AlertEngine = ReturnType<typeof alertEngine>;
