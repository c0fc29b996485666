/**
 * The words and keys of an analytics alert as it goes out (live.alerts, outbound webhooks). The
 * occurrence key names the rule and breach number, so each breach fires and resolves at most once.
 */
import type { AlertRuleKind } from '@tandem/shared';
import type { StoredAlertRule } from '../../storage/alertRulesRepo.js';

export interface AlertDelivery {
  kind: string;
  occurrenceKey: string;
  /** Alerts about a workspace, not a customer, carry the rule here. */
  customerKey: string;
  title: string;
  detail: string;
  at: string;
}

const round = (v: number, digits = 2) => Math.round(v * 10 ** digits) / 10 ** digits;

function describe(kind: AlertRuleKind, value: number | null): string {
  if (value === null) return 'no data in the window';
  switch (kind) {
    case 'sla-wait':
      return `oldest waiting handoff ${round(value, 1)} min`;
    case 'negative-sentiment':
      return `negative-sentiment share ${round(value * 100, 1)}%`;
    case 'fallback-spike':
      return `fallback share ${round(value * 100, 1)}%`;
    case 'csat-drop':
      return `mean CSAT ${round(value)}`;
  }
}

function limit(rule: StoredAlertRule): string {
  const t =
    rule.kind === 'sla-wait'
      ? `${rule.threshold} min`
      : rule.kind === 'csat-drop'
        ? String(rule.threshold)
        : `${round(rule.threshold * 100, 1)}%`;
  return `${rule.kind === 'csat-drop' ? 'below' : 'above'} ${t} over ${rule.windowMinutes} min`;
}

export const firedAlert = (rule: StoredAlertRule, number: number, value: number, at: Date): AlertDelivery => ({
  kind: `analytics:${rule.kind}`,
  occurrenceKey: `analytics-alert:${rule.id}:${number}:fired`,
  customerKey: `rule:${rule.id}`,
  title: `${rule.name}: breached`,
  detail: `${describe(rule.kind, value)} (${limit(rule)})`,
  at: at.toISOString(),
});

export const resolvedAlert = (rule: StoredAlertRule, number: number, value: number | null, at: Date): AlertDelivery => ({
  kind: `analytics:${rule.kind}:resolved`,
  occurrenceKey: `analytics-alert:${rule.id}:${number}:resolved`,
  customerKey: `rule:${rule.id}`,
  title: `${rule.name}: back to normal`,
  detail: `${describe(rule.kind, value)} (${limit(rule)})`,
  at: at.toISOString(),
});
