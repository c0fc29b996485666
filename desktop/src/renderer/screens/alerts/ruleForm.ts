/**
 * The alert rule form's values and their conversion to and from the shared rule schema. Shares
 * are typed as percentages (what a lead thinks in) and stored as ratios; the shared schema then
 * decides what is valid, so the form and the server agree on every bound.
 */
import { alertRuleInputSchema, type AlertRule, type AlertRuleKind, type AlertRuleSettings } from '@tandem/shared';

export interface RuleFormValues {
  kind: AlertRuleKind;
  name: string;
  threshold: string;
  windowMinutes: string;
  minSamples: string;
  enabled: boolean;
}

export const KIND_LABELS: Readonly<Record<AlertRuleKind, string>> = {
  'sla-wait': 'Handoff wait (SLA)',
  'negative-sentiment': 'Negative sentiment share',
  'fallback-spike': 'Fallback share',
  'csat-drop': 'CSAT drop',
};

/** What the threshold means for each kind, shown beside the field. */
export const THRESHOLD_HINTS: Readonly<Record<AlertRuleKind, string>> = {
  'sla-wait': 'Minutes a customer waits for a person; alerts above it.',
  'negative-sentiment': 'Percent of conversations with negative sentiment; alerts above it.',
  'fallback-spike': 'Percent of AI turns that fell back; alerts above it.',
  'csat-drop': 'Mean rating from 1 to 5; alerts below it.',
};

function isShare(kind: AlertRuleKind): boolean {
  return kind === 'negative-sentiment' || kind === 'fallback-spike';
}

export const EMPTY_RULE_FORM: RuleFormValues = {
  kind: 'fallback-spike',
  name: '',
  threshold: '30',
  windowMinutes: '60',
  minSamples: '5',
  enabled: true,
};

export function ruleToForm(rule: AlertRule): RuleFormValues {
  const threshold = isShare(rule.kind) ? Math.round(rule.threshold * 1000) / 10 : rule.threshold;
  return {
    kind: rule.kind,
    name: rule.name,
    threshold: String(threshold),
    windowMinutes: String(rule.windowMinutes),
    minSamples: String(rule.minSamples),
    enabled: rule.enabled,
  };
}

export type RuleFormResult = { ok: true; rule: AlertRuleSettings } | { ok: false; errors: Partial<Record<keyof RuleFormValues, string>> };

/** An empty or non-numeric field is NaN, which the schema rejects with its own message. */
function toNumber(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}

export function formToRule(values: RuleFormValues): RuleFormResult {
  const threshold = toNumber(values.threshold);
  const parsed = alertRuleInputSchema.safeParse({
    kind: values.kind,
    name: values.name,
    threshold: isShare(values.kind) ? threshold / 100 : threshold,
    windowMinutes: toNumber(values.windowMinutes),
    minSamples: toNumber(values.minSamples),
    enabled: values.enabled,
  });
  if (parsed.success) return { ok: true, rule: parsed.data };
  const errors: Partial<Record<keyof RuleFormValues, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (typeof field !== 'string' || !(field in values)) continue;
    const key = field as keyof RuleFormValues;
    // The schema speaks in ratios; the form in percent.
    errors[key] ??= key === 'threshold' && isShare(values.kind) ? 'a percentage between 0 and 100' : issue.message;
  }
  return { ok: false, errors };
}

/** A rule's threshold as a lead reads it: "30%", "15 min", "3.5 / 5". */
export function formatThreshold(rule: Pick<AlertRule, 'kind' | 'threshold'>): string {
  if (isShare(rule.kind)) return `${Math.round(rule.threshold * 1000) / 10}%`;
  if (rule.kind === 'sla-wait') return `${rule.threshold} min`;
  return `${rule.threshold} / 5`;
}

/** A breach's measured value in the same unit. */
export function formatMeasured(kind: AlertRuleKind, value: number): string {
  if (isShare(kind)) return `${Math.round(value * 1000) / 10}%`;
  if (kind === 'sla-wait') return `${Math.round(value * 10) / 10} min`;
  return `${Math.round(value * 100) / 100} / 5`;
}
