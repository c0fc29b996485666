/**
 * The workspace's alert rules: what each watches, its threshold and window, and its open breach
 * (since when, the measured value, acknowledged or not) with Acknowledge, Edit and Delete.
 */
import type { AlertRule } from '@tandem/shared';
import { useAcknowledgeAlert, useDeleteAlertRule } from '../../hooks/useAlerts';
import { ConfirmButton } from '../../shell/ConfirmButton';
import { ErrorState } from '../../shell/QueryView';
import { errorText } from '../../shell/queryClient';
import { formatAgo } from '../../shell/relativeTime';
import { KIND_LABELS, formatMeasured, formatThreshold } from './ruleForm';
import { TableHead } from '../../shell/TableHead';

export function RulesTable({ rules, onEdit }: { rules: readonly AlertRule[]; onEdit(rule: AlertRule): void }) {
  const acknowledge = useAcknowledgeAlert();
  const remove = useDeleteAlertRule();
  const failure = acknowledge.error ?? remove.error;
  return (
    <>
      {failure === null ? null : <ErrorState message={errorText(failure)} />}
      <div className="table-wrap">
        <table className="table" data-testid="alert-rules">
          <TableHead columns={['Rule', 'Threshold', 'Window', 'State']} />
          <tbody>
            {rules.map((rule) => (
              <tr key={rule.id} data-testid="alert-rule">
                <td>
                  <div className="table__title" data-testid="alert-rule-name">
                    {rule.name}
                  </div>
                  <div className="muted small">{KIND_LABELS[rule.kind]}</div>
                </td>
                <td>{formatThreshold(rule)}</td>
                <td>
                  {rule.windowMinutes} min
                  <div className="muted small">
                    ≥ {rule.minSamples} {rule.minSamples === 1 ? 'sample' : 'samples'}
                  </div>
                </td>
                <td data-testid="alert-rule-state">
                  <RuleState rule={rule} />
                </td>
                <td className="table__actions">
                  <div className="rule-actions">
                    {rule.breach !== null && rule.breach.acknowledgedAt === null ? (
                      <button
                        className="button button--primary button--small"
                        type="button"
                        disabled={acknowledge.isPending}
                        onClick={() => acknowledge.mutate(rule.id)}
                        data-testid="alert-acknowledge"
                      >
                        Acknowledge
                      </button>
                    ) : null}
                    <button
                      className="button button--ghost button--small"
                      type="button"
                      onClick={() => onEdit(rule)}
                      data-testid="alert-edit"
                    >
                      Edit
                    </button>
                    <ConfirmButton
                      label="Delete"
                      question={`Delete “${rule.name}”?`}
                      busy={remove.isPending && remove.variables === rule.id}
                      onConfirm={() => remove.mutate(rule.id)}
                      testId="alert-delete"
                    />
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function RuleState({ rule }: { rule: AlertRule }) {
  if (rule.breach === null) return <span className={rule.enabled ? 'pill pill--fresh' : 'pill'}>{rule.enabled ? 'OK' : 'Off'}</span>;
  const { breach } = rule;
  return (
    <>
      <span className={breach.acknowledgedAt === null ? 'pill pill--alert' : 'pill pill--stale'} data-testid="alert-breach">
        {breach.acknowledgedAt === null ? 'Alerting' : 'Acknowledged'}
      </span>
      <div className="muted small">
        {formatMeasured(rule.kind, breach.value)} · since {formatAgo(breach.since)}
      </div>
    </>
  );
}
