/**
 * A destructive action asked twice: the first press shows "Delete …?" with Confirm and Cancel
 * in place (focus moves to Cancel, Escape cancels), so nothing is lost to a stray click.
 */
import { useEffect, useRef, useState } from 'react';

export interface ConfirmButtonProps {
  label: string;
  /** The question, e.g. `Delete "Refund policy"?` */
  question: string;
  confirmLabel?: string;
  busy?: boolean;
  onConfirm(): void;
  testId?: string;
}

export function ConfirmButton({ label, question, confirmLabel = 'Delete', busy = false, onConfirm, testId }: ConfirmButtonProps) {
  const [asking, setAsking] = useState(false);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) cancel.current?.focus();
  }, [asking]);

  if (!asking)
    return (
      <button
        className="button button--danger-ghost button--small"
        type="button"
        disabled={busy}
        onClick={() => setAsking(true)}
        data-testid={testId}
      >
        {busy ? 'Deleting…' : label}
      </button>
    );
  return (
    <span
      className="confirm"
      role="group"
      aria-label={question}
      onKeyDown={(e) => {
        if (e.key === 'Escape') setAsking(false);
      }}
    >
      <span className="confirm__question">{question}</span>
      <button
        className="button button--danger button--small"
        type="button"
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
        data-testid={testId === undefined ? undefined : `${testId}-confirm`}
      >
        {confirmLabel}
      </button>
      <button className="button button--ghost button--small" type="button" ref={cancel} onClick={() => setAsking(false)}>
        Cancel
      </button>
    </span>
  );
}
