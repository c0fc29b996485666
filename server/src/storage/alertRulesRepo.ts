/**
 * Analytics alert rules per workspace and each rule's breach state. A breach is opened and closed
 * by compare-and-set on its number, so two evaluations (a timer and an event commit, or two nodes)
 * never open or close the same breach twice, and the state survives a restart.
 */
import type { AlertRule, AlertRuleKind, AlertRuleSettings } from '@tandem/shared';
import type { SqlExecutor } from './database.js';
import { newId } from './ids.js';

interface RuleRow extends Record<string, unknown> {
  id: string;
  tenant_id: string;
  kind: AlertRuleKind;
  name: string;
  threshold: number;
  window_minutes: number;
  min_samples: number;
  enabled: boolean;
  breach_number: number;
  breached_since: Date | string | null;
  breach_value: number | null;
  acknowledged_at: Date | string | null;
  created_at: Date | string;
  updated_at: Date | string;
}

export interface StoredAlertRule extends AlertRule {
  tenantId: string;
  /** Breaches opened so far (the open one included); the next one gets this plus one. */
  breachCount: number;
}

const iso = (v: Date | string): string => new Date(v).toISOString();

function toRule(r: RuleRow): StoredAlertRule {
  return {
    id: r.id,
    tenantId: r.tenant_id,
    kind: r.kind,
    name: r.name,
    threshold: Number(r.threshold),
    windowMinutes: Number(r.window_minutes),
    minSamples: Number(r.min_samples),
    enabled: r.enabled,
    breachCount: Number(r.breach_number),
    breach:
      r.breached_since === null
        ? null
        : {
            number: Number(r.breach_number),
            since: iso(r.breached_since),
            value: Number(r.breach_value ?? 0),
            acknowledgedAt: r.acknowledged_at === null ? null : iso(r.acknowledged_at),
          },
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

export function alertRulesRepo(db: SqlExecutor) {
  return {
    async list(tenantId: string): Promise<StoredAlertRule[]> {
      const rows = await db.query<RuleRow>('select * from analytics_alert_rules where tenant_id = $1 order by created_at, id', [tenantId]);
      return rows.map(toRule);
    },

    async get(tenantId: string, id: string): Promise<StoredAlertRule | undefined> {
      const rows = await db.query<RuleRow>('select * from analytics_alert_rules where tenant_id = $1 and id = $2', [tenantId, id]);
      return rows[0] === undefined ? undefined : toRule(rows[0]);
    },

    /** Enabled rules of every workspace (the evaluator's work list). */
    async enabled(): Promise<StoredAlertRule[]> {
      const rows = await db.query<RuleRow>('select * from analytics_alert_rules where enabled order by tenant_id, id');
      return rows.map(toRule);
    },

    async create(tenantId: string, rule: AlertRuleSettings): Promise<StoredAlertRule> {
      const rows = await db.query<RuleRow>(
        `insert into analytics_alert_rules (id, tenant_id, kind, name, threshold, window_minutes, min_samples, enabled)
         values ($1, $2, $3, $4, $5, $6, $7, $8) returning *`,
        [newId('alr'), tenantId, rule.kind, rule.name, rule.threshold, rule.windowMinutes, rule.minSamples, rule.enabled],
      );
      return toRule(rows[0] as RuleRow);
    },

    async update(tenantId: string, id: string, rule: AlertRuleSettings): Promise<StoredAlertRule | undefined> {
      const rows = await db.query<RuleRow>(
        `update analytics_alert_rules set kind = $3, name = $4, threshold = $5, window_minutes = $6, min_samples = $7, enabled = $8,
                updated_at = now()
          where tenant_id = $1 and id = $2 returning *`,
        [tenantId, id, rule.kind, rule.name, rule.threshold, rule.windowMinutes, rule.minSamples, rule.enabled],
      );
      return rows[0] === undefined ? undefined : toRule(rows[0]);
    },

    async remove(tenantId: string, id: string): Promise<boolean> {
      const rows = await db.query('delete from analytics_alert_rules where tenant_id = $1 and id = $2 returning id', [tenantId, id]);
      return rows.length > 0;
    },

    /** Opens breach `number` unless another evaluation already moved the rule on; true when this call opened it. */
    async openBreach(id: string, number: number, since: string, value: number): Promise<boolean> {
      const rows = await db.query(
        `update analytics_alert_rules set breach_number = $2, breached_since = $3, breach_value = $4, acknowledged_at = null
          where id = $1 and breach_number = $2 - 1 and breached_since is null returning id`,
        [id, number, since, value],
      );
      return rows.length > 0;
    },

    /** Closes open breach `number`; true when this call closed it. */
    async closeBreach(id: string, number: number): Promise<boolean> {
      const rows = await db.query(
        `update analytics_alert_rules set breached_since = null, breach_value = null
          where id = $1 and breach_number = $2 and breached_since is not null returning id`,
        [id, number],
      );
      return rows.length > 0;
    },

    /** Marks the open breach seen by a lead; undefined when the rule has no open breach. */
    async acknowledge(tenantId: string, id: string, at: string): Promise<StoredAlertRule | undefined> {
      const rows = await db.query<RuleRow>(
        `update analytics_alert_rules set acknowledged_at = coalesce(acknowledged_at, $3::timestamptz)
          where tenant_id = $1 and id = $2 and breached_since is not null returning *`,
        [tenantId, id, at],
      );
      return rows[0] === undefined ? undefined : toRule(rows[0]);
    },
  };
}
export type AlertRulesRepo = ReturnType<typeof alertRulesRepo>;
