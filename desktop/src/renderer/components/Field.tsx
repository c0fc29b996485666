/**
 * A labelled form field: the label is tied to its input so screen readers and tests find it.
 */
import { useId, type InputHTMLAttributes } from 'react';

type FieldProps = { label: string; hint?: string } & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>;

export function Field({ label, hint, ...input }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input className="field__input" id={id} aria-describedby={hint === undefined ? undefined : hintId} {...input} />
      {hint === undefined ? null : (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
    </div>
  );
}
