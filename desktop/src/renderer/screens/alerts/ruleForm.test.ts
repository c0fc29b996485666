import { describe, expect, it } from 'vitest';
import type { AlertRule } from '@tandem/shared';
import { EMPTY_RULE_FORM, formToRule, formatMeasured, formatThreshold, ruleToForm } from './ruleForm';

const rule: AlertRule = {
  id: 'r1',
  kind: 'fallback-spike',
  name: 'Fallbacks',
  threshold: 0.25,
  windowMinutes: 60,
  minSamples: 5,
  enabled: true,
  breach: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('alert rule form', () => {
  it('types shares as percentages and sends ratios', () => {
    const result = formToRule({ ...EMPTY_RULE_FORM, name: 'Fallbacks', threshold: '25' });
    expect(result).toEqual({
      ok: true,
      rule: { kind: 'fallback-spike', name: 'Fallbacks', threshold: 0.25, windowMinutes: 60, minSamples: 5, enabled: true },
    });
  });

  it('keeps minutes and scores as typed', () => {
    const sla = formToRule({ ...EMPTY_RULE_FORM, kind: 'sla-wait', name: 'Wait', threshold: '10' });
    expect(sla.ok && sla.rule.threshold).toBe(10);
    const csat = formToRule({ ...EMPTY_RULE_FORM, kind: 'csat-drop', name: 'CSAT', threshold: '3.5' });
    expect(csat.ok && csat.rule.threshold).toBe(3.5);
  });

  it('reports each bad field by name, in the unit the lead typed', () => {
    const result = formToRule({ ...EMPTY_RULE_FORM, name: '  ', threshold: '', windowMinutes: 'abc', minSamples: '0' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(['minSamples', 'name', 'threshold', 'windowMinutes']);
    // The per-kind bound is the schema's refinement, checked once the fields themselves are valid.
    const share = formToRule({ ...EMPTY_RULE_FORM, name: 'Fallbacks', threshold: '150' });
    expect(!share.ok && share.errors.threshold).toBe('a percentage between 0 and 100');
    const csat = formToRule({ ...EMPTY_RULE_FORM, kind: 'csat-drop', name: 'CSAT', threshold: '7' });
    expect(!csat.ok && csat.errors.threshold).toBe('a CSAT threshold lies between 1 and 5');
  });

  it('round-trips a stored rule through the form', () => {
    const values = ruleToForm(rule);
    expect(values.threshold).toBe('25');
    const back = formToRule(values);
    expect(back.ok && back.rule.threshold).toBe(0.25);
  });

  it('shows thresholds and measured values in their units', () => {
    expect(formatThreshold(rule)).toBe('25%');
    expect(formatThreshold({ kind: 'sla-wait', threshold: 15 })).toBe('15 min');
    expect(formatThreshold({ kind: 'csat-drop', threshold: 3.5 })).toBe('3.5 / 5');
    expect(formatMeasured('negative-sentiment', 0.4567)).toBe('45.7%');
  });
});
