/**
 * What the API may do with alert rules: list, create, update and delete a workspace's rules, and
 * acknowledge an open breach. A change is evaluated at once, so a rule created during a breach
 * fires without waiting for the timer.
 */
import type { AlertRule, AlertRuleSettings } from '@tandem/shared';
import { ServiceError } from '../../errors/serviceError.js';
import type { AlertRulesRepo, StoredAlertRule } from '../../storage/alertRulesRepo.js';

/** Rules per workspace; more is a configuration mistake, not a need. */
const MAX_RULES = 50;

const publicRule = ({ tenantId: _tenant, breachCount: _count, ...rule }: StoredAlertRule): AlertRule => rule;

export function alertRulesService(repo: AlertRulesRepo, options: { evaluate: () => void; now?: () => Date }) {
  const now = options.now ?? (() => new Date());
  const found = (rule: StoredAlertRule | undefined): StoredAlertRule => {
    if (rule === undefined) throw new ServiceError('NOT_FOUND', 'No such alert rule in this workspace');
    return rule;
  };
  return {
    list: async (tenantId: string): Promise<AlertRule[]> => (await repo.list(tenantId)).map(publicRule),
    async create(tenantId: string, settings: AlertRuleSettings): Promise<AlertRule> {
      if ((await repo.list(tenantId)).length >= MAX_RULES)
        throw new ServiceError('CONFLICT', `A workspace has at most ${MAX_RULES} alert rules`);
      const rule = await repo.create(tenantId, settings);
      options.evaluate();
      return publicRule(rule);
    },
    async update(tenantId: string, id: string, settings: AlertRuleSettings): Promise<AlertRule> {
      const rule = found(await repo.update(tenantId, id, settings));
      options.evaluate();
      return publicRule(rule);
    },
    async remove(tenantId: string, id: string): Promise<{ id: string }> {
      if (!(await repo.remove(tenantId, id))) throw new ServiceError('NOT_FOUND', 'No such alert rule in this workspace');
      return { id };
    },
    async acknowledge(tenantId: string, id: string): Promise<AlertRule> {
      const rule = await repo.acknowledge(tenantId, id, now().toISOString());
      if (rule !== undefined) return publicRule(rule);
      found(await repo.get(tenantId, id));
      throw new ServiceError('CONFLICT', 'This alert rule has no open breach to acknowledge');
    },
  };
}
export type AlertRulesService = ReturnType<typeof alertRulesService>;
