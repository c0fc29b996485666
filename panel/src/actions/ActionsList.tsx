/**
 * The actions the assistant suggests for this ticket. Nothing runs without the agent: Run opens
 * a confirmation, Confirm calls `actions.execute` with `confirmed: true` and a fresh idempotency
 * key, and a retry of that same attempt reuses its key so the server runs it at most once.
 */
import type { ActionResult, ActionSuggestion, ExecuteActionInput } from '@tandem/shared';
import { useRef, useState } from 'react';
import { describePanelError, panelErrorFrom, type PanelError } from '../draft/panelError';
import { ConfirmActionDialog } from './ConfirmActionDialog';

/** The one call this list makes; the real client fits, tests pass a fake. */
export interface ActionsClient {
  actions: { execute: { mutate: (input: ExecuteActionInput) => Promise<ActionResult> } };
}

type RunState =
  | { kind: 'idle' }
  | { kind: 'confirming' }
  | { kind: 'running'; key: string }
  | { kind: 'finished'; result: ActionResult }
  /** No answer or a refusal: the same attempt (same key) may be retried. */
  | { kind: 'failed'; key: string; error: PanelError };

export function newIdempotencyKey(): string {
  return `act_${crypto.randomUUID()}`;
}

export function ActionsList({ client, actions }: { client: ActionsClient; actions: readonly ActionSuggestion[] }) {
  if (actions.length === 0) return null;
  return (
    <section className="card actions" aria-label="Suggested actions">
      <h3>Suggested actions</h3>
      <ul className="actions__list">
        {actions.map((action) => (
          <ActionItem key={action.id} client={client} action={action} />
        ))}
      </ul>
    </section>
  );
}

function ActionItem({ client, action }: { client: ActionsClient; action: ActionSuggestion }) {
  const [run, setRun] = useState<RunState>({ kind: 'idle' });
  // State updates are not synchronous: a double click must not start two attempts.
  const busy = useRef(false);

  const execute = async (key: string) => {
    if (busy.current) return;
    busy.current = true;
    setRun({ kind: 'running', key });
    try {
      const result = await client.actions.execute.mutate({ suggestionId: action.id, confirmed: true, idempotencyKey: key });
      setRun({ kind: 'finished', result });
    } catch (error) {
      setRun({ kind: 'failed', key, error: panelErrorFrom(error) });
    } finally {
      busy.current = false;
    }
  };

  // Once it succeeded, or while an attempt's outcome is unknown, a new key could run it twice.
  const canRun = run.kind === 'idle' || (run.kind === 'finished' && run.result.status === 'failed');

  return (
    <li className="actions__item" data-testid={`action-${action.id}`}>
      <div className="actions__head">
        <strong>{action.title}</strong>
        <span className={`badge${action.risk === 'write' ? ' badge--warn' : ''}`}>{action.risk === 'write' ? 'changes data' : 'read'}</span>
        <button type="button" disabled={!canRun} onClick={() => setRun({ kind: 'confirming' })} data-testid="action-run">
          {run.kind === 'running' ? 'Running…' : 'Run…'}
        </button>
      </div>
      {action.rationale === '' ? null : <p className="muted">{action.rationale}</p>}
      {action.flagged === undefined ? null : (
        <p className="warning" data-testid="action-flagged">
          Flagged: {action.flagged.reason}
        </p>
      )}
      <RunOutcome run={run} onRetry={(key) => void execute(key)} />
      {run.kind === 'confirming' ? (
        <ConfirmActionDialog
          action={action}
          onCancel={() => setRun({ kind: 'idle' })}
          onConfirm={() => void execute(newIdempotencyKey())}
        />
      ) : null}
    </li>
  );
}

function RunOutcome({ run, onRetry }: { run: RunState; onRetry: (key: string) => void }) {
  if (run.kind === 'finished') {
    return run.result.status === 'succeeded' ? (
      <p className="success" data-testid="action-result" role="status">
        Done: {run.result.summary}
      </p>
    ) : (
      <p className="error" data-testid="action-result" role="alert">
        The action failed: {run.result.error}
      </p>
    );
  }
  if (run.kind === 'failed') {
    return (
      <div>
        <p className="error" data-testid="action-result" role="alert">
          Did not complete: {describePanelError(run.error)}
        </p>
        <button type="button" data-testid="action-retry" onClick={() => onRetry(run.key)}>
          Retry
        </button>
      </div>
    );
  }
  return null;
}
