/**
 * The alerts screen: the workspace's alert rules with their open breaches (acknowledge, edit,
 * delete), a form to create one, and the live list of alerts as they are raised.
 */
import { useState } from 'react';
import type { AlertRule } from '@tandem/shared';
import { useAlertRules, useCreateAlertRule, useLiveAlerts, useUpdateAlertRule } from '../../hooks/useAlerts';
import { useConsoleSession } from '../../shell/consoleSession';
import { EmptyState, QueryView } from '../../shell/QueryView';
import { LiveAlerts } from './LiveAlerts';
import { EMPTY_RULE_FORM, ruleToForm } from './ruleForm';
import { RuleForm } from './RuleForm';
import { RulesTable } from './RulesTable';
import './alerts.css';

export function AlertsScreen() {
  const { info } = useConsoleSession();
  // The alert procedures are for leads and admins; an agent is told so rather than shown a refusal.
  if (info.principal.role === 'agent')
    return (
      <p className="callout callout--warning" role="status" data-testid="alerts-leads-only">
        Alert rules and alerts are for team leads and admins.
      </p>
    );
  return <LeadAlerts />;
}

function LeadAlerts() {
  const rules = useAlertRules();
  const live = useLiveAlerts();
  const create = useCreateAlertRule();
  const update = useUpdateAlertRule();
  const [editing, setEditing] = useState<AlertRule | null>(null);
  // A new key empties the create form after each successful save.
  const [createKey, setCreateKey] = useState(0);

  return (
    <div className="alerts">
      <section className="card" aria-labelledby="alert-rules-heading">
        <h2 className="card__title" id="alert-rules-heading">
          Rules
        </h2>
        <QueryView
          query={rules}
          what="alert rules"
          isEmpty={(list) => list.length === 0}
          empty={<EmptyState title="No alert rules yet">Create one below to be told when a measure crosses its threshold.</EmptyState>}
        >
          {(list) => <RulesTable rules={list} onEdit={setEditing} />}
        </QueryView>
        {editing === null ? (
          <RuleForm
            key={`create-${createKey}`}
            title="New rule"
            initial={EMPTY_RULE_FORM}
            submitLabel="Create rule"
            busy={create.isPending}
            error={create.error}
            onSubmit={(rule) => create.mutate(rule, { onSuccess: () => setCreateKey((k) => k + 1) })}
          />
        ) : (
          <RuleForm
            key={`edit-${editing.id}`}
            title={`Edit “${editing.name}”`}
            initial={ruleToForm(editing)}
            submitLabel="Save rule"
            busy={update.isPending}
            error={update.error}
            onSubmit={(rule) => update.mutate({ id: editing.id, rule }, { onSuccess: () => setEditing(null) })}
            onCancel={() => setEditing(null)}
          />
        )}
      </section>
      <LiveAlerts alerts={live.alerts} connected={live.connected} />
    </div>
  );
}
