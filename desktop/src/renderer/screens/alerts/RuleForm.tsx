/**
 * Create or edit one alert rule. Values are checked against the shared rule schema before
 * anything is sent, with each problem shown beside its field; the server checks them again.
 */
import { useId, useState, type FormEvent } from 'react';
import { ALERT_RULE_KINDS, type AlertRuleSettings } from '@tandem/shared';
import { ErrorState } from '../../shell/QueryView';
import { errorText } from '../../shell/queryClient';
import { KIND_LABELS, THRESHOLD_HINTS, formToRule, type RuleFormValues } from './ruleForm';

export interface RuleFormProps {
  title: string;
  initial: RuleFormValues;
  submitLabel: string;
  busy: boolean;
  error: unknown;
  onSubmit(rule: AlertRuleSettings): void;
  onCancel?(): void;
}

export function RuleForm({ title, initial, submitLabel, busy, error, onSubmit, onCancel }: RuleFormProps) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<keyof RuleFormValues, string>>>({});
  const ids = { kind: useId(), name: useId(), threshold: useId(), window: useId(), samples: useId(), enabled: useId() };
  const set = <K extends keyof RuleFormValues>(key: K, value: RuleFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = formToRule(values);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    onSubmit(result.rule);
  };

  const fieldError = (key: keyof RuleFormValues) =>
    errors[key] === undefined ? null : (
      <p className="field__error" role="alert" data-testid={`rule-error-${key}`}>
        {errors[key]}
      </p>
    );

  return (
    <form className="rule-form" onSubmit={submit} aria-label={title} data-testid="rule-form" noValidate>
      <h3 className="card__subtitle">{title}</h3>
      <div className="rule-form__grid">
        <label className="field__label" htmlFor={ids.kind}>
          Measure
        </label>
        <div>
          <select
            id={ids.kind}
            className="field__input"
            value={values.kind}
            onChange={(e) => set('kind', e.currentTarget.value as RuleFormValues['kind'])}
            data-testid="rule-kind"
          >
            {ALERT_RULE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {KIND_LABELS[kind]}
              </option>
            ))}
          </select>
        </div>
        <label className="field__label" htmlFor={ids.name}>
          Name
        </label>
        <div>
          <input
            id={ids.name}
            className="field__input"
            maxLength={120}
            value={values.name}
            onChange={(e) => set('name', e.currentTarget.value)}
            data-testid="rule-name"
          />
          {fieldError('name')}
        </div>
        <label className="field__label" htmlFor={ids.threshold}>
          Threshold
        </label>
        <div>
          <input
            id={ids.threshold}
            className="field__input"
            inputMode="decimal"
            value={values.threshold}
            onChange={(e) => set('threshold', e.currentTarget.value)}
            aria-describedby={`${ids.threshold}-hint`}
            data-testid="rule-threshold"
          />
          <p className="field__hint" id={`${ids.threshold}-hint`}>
            {THRESHOLD_HINTS[values.kind]}
          </p>
          {fieldError('threshold')}
        </div>
        <label className="field__label" htmlFor={ids.window}>
          Window (minutes)
        </label>
        <div>
          <input
            id={ids.window}
            className="field__input"
            inputMode="numeric"
            value={values.windowMinutes}
            onChange={(e) => set('windowMinutes', e.currentTarget.value)}
            data-testid="rule-window"
          />
          {fieldError('windowMinutes')}
        </div>
        <label className="field__label" htmlFor={ids.samples}>
          Minimum samples
        </label>
        <div>
          <input
            id={ids.samples}
            className="field__input"
            inputMode="numeric"
            value={values.minSamples}
            onChange={(e) => set('minSamples', e.currentTarget.value)}
            data-testid="rule-samples"
          />
          {fieldError('minSamples')}
        </div>
        <label className="field__label" htmlFor={ids.enabled}>
          Enabled
        </label>
        <div>
          <input
            id={ids.enabled}
            type="checkbox"
            checked={values.enabled}
            onChange={(e) => set('enabled', e.currentTarget.checked)}
            data-testid="rule-enabled"
          />
        </div>
      </div>
      {error === null || error === undefined ? null : <ErrorState message={errorText(error)} />}
      <div className="rule-form__actions">
        <button className="button button--primary button--small" type="submit" disabled={busy} data-testid="rule-save">
          {busy ? 'Saving…' : submitLabel}
        </button>
        {onCancel === undefined ? null : (
          <button className="button button--ghost button--small" type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
