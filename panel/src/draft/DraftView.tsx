/**
 * The reply draft as it streams: a status line, the text with citation buttons (announced a
 * sentence at a time), Insert as the primary button with its shortcut, then how far to trust it
 * and the agent's other controls (edit, copy, tone, length, regenerate). A model fallback and a
 * failure each say what to do next. The state lives in `useDraft` and `DraftPanel`; this
 * component only shows it and reports clicks.
 */
import { draftLengthSchema, draftToneSchema, type DraftLength, type DraftTone } from '@tandem/shared';
import { useEffect, useRef, useState } from 'react';
import { describePanelError } from './panelError';
import { isDraftActive, type DraftState } from './draftState';
import type { DraftOptions, UseDraft } from './useDraft';
import { ConfidenceNote } from './ConfidenceNote';
import { DraftAnnouncer } from './DraftAnnouncer';
import { DraftText } from './DraftText';
import type { InsertStatus } from './insertStatus';

const TONE_LABELS: Record<DraftTone, string> = { friendly: 'Friendly', formal: 'Formal', concise: 'Concise' };
const LENGTH_LABELS: Record<DraftLength, string> = { short: 'Short', medium: 'Medium', long: 'Long' };

export interface DraftViewProps {
  draft: UseDraft;
  options: DraftOptions;
  onOptionsChange: (options: DraftOptions) => void;
  onRegenerate: () => void;
  /** False without a ticket or a server: nothing to draft for. */
  canRegenerate: boolean;
  editing: boolean;
  onEditingChange: (editing: boolean) => void;
  insert: InsertStatus;
  onInsert: () => void;
  /** Someone else's ticket, followed to coach: no Insert and no editing (the agent's composer is not ours). */
  readOnly?: boolean;
}

/** Insert and Copy take a finished draft only: half a sentence must not land in the composer. */
export function canUseText(draft: UseDraft): boolean {
  return draft.state.status === 'done' && draft.state.draftId !== undefined && draft.text.trim() !== '';
}

function statusLine(state: DraftState): string {
  switch (state.status) {
    case 'idle':
      return 'No draft yet';
    case 'starting':
      return state.reconnecting ? 'Connection lost, reconnecting…' : 'Starting a draft…';
    case 'streaming':
      return state.reconnecting ? 'Connection lost, reconnecting…' : 'Writing…';
    case 'done':
      return state.drafter === 'embedded' ? 'Draft ready (built-in drafter)' : 'Draft ready';
    case 'error':
      return state.error === undefined ? 'The draft failed' : `The draft failed: ${describePanelError(state.error)}`;
  }
}

type CopyStatus = { kind: 'idle' } | { kind: 'copied' } | { kind: 'failed'; error: string };

export function DraftView(props: DraftViewProps) {
  const { draft, options, editing } = props;
  const { state } = draft;
  const [editText, setEditText] = useState('');
  const [copy, setCopy] = useState<CopyStatus>({ kind: 'idle' });
  const active = isDraftActive(state);
  const usable = canUseText(draft);
  const insertButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(editing);
  // Closing the editor removes the focused control: a keyboard user lands on Insert, the next step.
  useEffect(() => {
    if (wasEditing.current && !editing) insertButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  const copyText = async () => {
    try {
      // The text exactly as shown: copying must never change it.
      await navigator.clipboard.writeText(draft.text);
      setCopy({ kind: 'copied' });
    } catch (error) {
      setCopy({ kind: 'failed', error: error instanceof Error && error.message !== '' ? error.message : 'Copy failed' });
    }
  };
  const startEdit = () => {
    setEditText(draft.text);
    props.onEditingChange(true);
  };
  const saveEdit = () => {
    draft.saveEdit(editText);
    props.onEditingChange(false);
  };

  return (
    <section className="draft" aria-label="Reply draft" aria-busy={active} data-testid="draft">
      <div className="draft__head">
        <h2>Reply draft</h2>
        <span
          className={`draft__status draft__status--${state.status}`}
          data-testid="draft-status"
          data-status={state.status}
          role="status"
          aria-live="polite"
        >
          {active ? <span className="draft__spinner" aria-hidden="true" /> : null}
          {statusLine(state)}
        </span>
      </div>

      {state.restartReason === undefined ? null : (
        <div className="notice notice--warn notice--inline" data-testid="draft-fallback">
          <p data-testid="draft-restart">Built-in draft: {state.restartReason}</p>
          <button type="button" disabled={!props.canRegenerate || editing || active} onClick={props.onRegenerate}>
            Ask the model again
          </button>
        </div>
      )}
      {state.status === 'error' ? (
        <div className="notice notice--danger" data-testid="draft-error">
          <p className="notice__title">No draft this time.</p>
          <p>Try again; if it keeps failing, write this reply yourself and tell your admin what the status above says.</p>
          <button type="button" className="primary" data-testid="draft-retry" disabled={!props.canRegenerate} onClick={props.onRegenerate}>
            Try again
          </button>
        </div>
      ) : null}

      {editing ? (
        <div className="draft__edit">
          <label className="visually-hidden" htmlFor="draft-edit-text">
            Edit the draft
          </label>
          <textarea
            // The Edit button that opened it is disabled now: the focus moves into the text.
            autoFocus
            id="draft-edit-text"
            data-testid="edit-text"
            rows={10}
            value={editText}
            onChange={(event) => setEditText(event.target.value)}
          />
          <div className="draft__controls">
            <button type="button" className="primary" data-testid="edit-save" onClick={saveEdit}>
              Save
            </button>
            <button type="button" data-testid="edit-cancel" onClick={() => props.onEditingChange(false)}>
              Cancel
            </button>
          </div>
        </div>
      ) : state.status === 'error' && draft.text === '' ? null : (
        // Scrolls inside itself past a third of the panel, so Insert stays in view; focusable to scroll by keyboard.
        <div className="draft__text" data-testid="draft-text" tabIndex={0} role="group" aria-label="Draft text">
          {draft.text === '' && active ? <span className="muted">…</span> : <DraftText text={draft.text} sources={state.sources} />}
        </div>
      )}
      <DraftAnnouncer text={state.text} active={active} done={state.status === 'done'} />

      <div className="draft__controls draft__controls--primary">
        {props.readOnly === true ? null : (
          <>
            <button
              ref={insertButton}
              type="button"
              className="primary"
              data-testid="insert-draft"
              aria-keyshortcuts="Alt+Shift+I"
              disabled={!usable || editing || props.insert.kind === 'inserting'}
              onClick={props.onInsert}
            >
              {props.insert.kind === 'inserting' ? 'Inserting…' : 'Insert'} <kbd aria-hidden="true">Alt+Shift+I</kbd>
            </button>
            <button type="button" data-testid="edit-draft" disabled={!usable || editing} onClick={startEdit}>
              Edit
            </button>
          </>
        )}
        {draft.edited && !editing ? (
          <button type="button" data-testid="revert-draft" onClick={draft.discardEdit}>
            Undo edit
          </button>
        ) : null}
        <button type="button" data-testid="copy-draft" disabled={!usable || editing} onClick={() => void copyText()}>
          Copy
        </button>
      </div>

      {active && props.readOnly !== true ? <p className="muted draft__hint">Insert is ready as soon as the draft is finished.</p> : null}
      {copy.kind === 'idle' ? null : (
        <p className={copy.kind === 'failed' ? 'error' : 'muted'} data-testid="copy-result" role="status">
          {copy.kind === 'copied' ? 'Copied to the clipboard' : `Copy failed: ${copy.error}`}
        </p>
      )}
      <InsertResult status={props.insert} />

      {state.status === 'done' ? <ConfidenceNote state={state} edited={draft.edited} /> : null}

      <div className="draft__controls draft__controls--tune">
        <label>
          Tone
          <select
            data-testid="tone-select"
            value={options.tone ?? ''}
            onChange={(event) => props.onOptionsChange({ ...options, tone: parseTone(event.target.value) })}
          >
            <option value="">Default</option>
            {draftToneSchema.options.map((tone) => (
              <option key={tone} value={tone}>
                {TONE_LABELS[tone]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Length
          <select
            data-testid="length-select"
            value={options.length ?? ''}
            onChange={(event) => props.onOptionsChange({ ...options, length: parseLength(event.target.value) })}
          >
            <option value="">Default</option>
            {draftLengthSchema.options.map((length) => (
              <option key={length} value={length}>
                {LENGTH_LABELS[length]}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          data-testid="regenerate-draft"
          aria-keyshortcuts="Alt+Shift+R"
          title="Alt+Shift+R"
          disabled={!props.canRegenerate || editing}
          onClick={props.onRegenerate}
        >
          Regenerate
        </button>
      </div>
      {draft.edited && !active ? <p className="muted draft__hint">Regenerate applies tone and length, and replaces your edit.</p> : null}
    </section>
  );
}

function InsertResult({ status }: { status: InsertStatus }) {
  if (status.kind === 'idle' || status.kind === 'inserting') return null;
  return status.kind === 'inserted' ? (
    <p className="muted" data-testid="insert-result" role="status">
      Inserted into the {status.composer}; review it there before sending.
    </p>
  ) : (
    <p className="error" data-testid="insert-result" role="alert">
      Could not insert: {status.error}
    </p>
  );
}

function parseTone(value: string): DraftTone | undefined {
  const parsed = draftToneSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

function parseLength(value: string): DraftLength | undefined {
  const parsed = draftLengthSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
