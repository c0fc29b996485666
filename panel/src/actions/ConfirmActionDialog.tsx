/**
 * The agent's explicit yes before an action runs: what will run, with which arguments (as text),
 * and the warning when the suggestion was flagged. A modal the keyboard can leave (Escape =
 * Cancel); focus starts on Cancel so a stray Enter runs nothing.
 */
import type { ActionSuggestion } from '@tandem/shared';
import { useEffect, useId, useRef, type KeyboardEvent } from 'react';

export interface ConfirmActionDialogProps {
  action: ActionSuggestion;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Arguments as the agent reads them; a blank value is said out loud rather than shown as nothing. */
export function formatArgument(value: unknown): string {
  if (typeof value === 'string') return value === '' ? '(blank)' : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return '(none)';
  return JSON.stringify(value);
}

export function ConfirmActionDialog({ action, onConfirm, onCancel }: ConfirmActionDialogProps) {
  const titleId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const dialogRef = useRef<HTMLDivElement>(null);
  const entries = Object.entries(action.arguments);

  useEffect(() => {
    const previous = document.activeElement;
    cancelRef.current?.focus();
    return () => {
      // Back where the agent was (the Run button), so the keyboard does not lose its place.
      if (previous instanceof HTMLElement) previous.focus();
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onCancel();
      return;
    }
    if (event.key !== 'Tab' || dialogRef.current === null) return;
    // Keep Tab inside the dialog while it is open.
    const buttons = [...dialogRef.current.querySelectorAll<HTMLButtonElement>('button:not([disabled])')];
    const first = buttons[0];
    const last = buttons.at(-1);
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first?.focus();
    }
  };

  return (
    <div className="modal-backdrop">
      <div
        ref={dialogRef}
        className="modal card"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid="action-dialog"
        onKeyDown={onKeyDown}
      >
        <h3 id={titleId}>Run “{action.title}”?</h3>
        <p className="muted">
          {action.action} · {action.risk === 'write' ? 'changes data' : 'reads data only'}
        </p>
        {action.flagged === undefined ? null : (
          <p className="warning" role="alert">
            Flagged: {action.flagged.reason}. Check every argument before running it.
          </p>
        )}
        {entries.length === 0 ? (
          <p className="muted">No arguments.</p>
        ) : (
          <dl className="facts" data-testid="action-arguments">
            {entries.map(([name, value]) => (
              <div key={name} className="facts__row">
                <dt>{name}</dt>
                <dd>{formatArgument(value)}</dd>
              </div>
            ))}
          </dl>
        )}
        <div className="draft__controls">
          <button type="button" ref={cancelRef} data-testid="action-cancel" onClick={onCancel}>
            Cancel
          </button>
          <button type="button" className="primary" data-testid="action-confirm" onClick={onConfirm}>
            Confirm and run
          </button>
        </div>
      </div>
    </div>
  );
}
