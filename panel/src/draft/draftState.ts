/**
 * Everything the panel knows about the draft for the open ticket, as a pure reducer of the
 * `assist.draft` event stream plus the panel's own steps (start, subscription failure, the
 * agent's edit), so every transition is unit-tested without React or a server.
 */
import type { ActionSuggestion, CitedSource, CustomerLiveState, DraftEvent, TicketAnalysis } from '@tandem/shared';
import type { PanelError } from './panelError';

export type DraftStatus = 'idle' | 'starting' | 'streaming' | 'done' | 'error';
export type Drafter = Extract<DraftEvent, { type: 'done' }>['drafter'];

export interface DraftState {
  status: DraftStatus;
  /** Known once `assist.start` answered. */
  draftId: string | undefined;
  analysis: TicketAnalysis | undefined;
  sources: CitedSource[];
  live: CustomerLiveState | undefined;
  /** The streamed text so far; a `restart` empties it. */
  text: string;
  /** The agent's edit, kept apart so the stream never overwrites it and regenerating drops it. */
  editedText: string | undefined;
  /** Why the model's answer was thrown away, when the built-in drafter took over. */
  restartReason: string | undefined;
  actions: ActionSuggestion[];
  confidence: number | undefined;
  needsReview: boolean;
  /** What the server says about how the draft was made (what its output guard changed, a message it shortened). */
  notes: string[];
  drafter: Drafter | undefined;
  citations: number[];
  error: PanelError | undefined;
  /** The stream dropped and the client is reconnecting (it resumes after the last event seen). */
  reconnecting: boolean;
}

export type DraftAction =
  | { kind: 'start' }
  | { kind: 'started'; draftId: string }
  | { kind: 'event'; event: DraftEvent }
  | { kind: 'failed'; error: PanelError }
  | { kind: 'connection'; reconnecting: boolean }
  | { kind: 'edit'; text: string }
  | { kind: 'discard-edit' }
  | { kind: 'reset' };

export const initialDraftState: DraftState = {
  status: 'idle',
  draftId: undefined,
  analysis: undefined,
  sources: [],
  live: undefined,
  text: '',
  editedText: undefined,
  restartReason: undefined,
  actions: [],
  confidence: undefined,
  needsReview: false,
  notes: [],
  drafter: undefined,
  citations: [],
  error: undefined,
  reconnecting: false,
};

/** The text the agent would copy or insert: their edit if they made one, else the draft. */
export function currentText(state: DraftState): string {
  return state.editedText ?? state.text;
}

export function isDraftActive(state: DraftState): boolean {
  return state.status === 'starting' || state.status === 'streaming';
}

export function applyDraftEvent(state: DraftState, event: DraftEvent): DraftState {
  // A finished draft takes nothing more: a late event from an old stream must not reopen it.
  if (!isDraftActive(state)) return state;
  const streaming: DraftState = { ...state, status: 'streaming', reconnecting: false };
  switch (event.type) {
    case 'analysis':
      return { ...streaming, analysis: event.analysis };
    case 'sources':
      return { ...streaming, sources: event.sources };
    case 'live':
      return { ...streaming, live: event.state };
    case 'token':
      return { ...streaming, text: streaming.text + event.text };
    case 'restart':
      return { ...streaming, text: '', restartReason: event.reason };
    case 'actions':
      return { ...streaming, actions: event.actions };
    case 'done':
      return {
        ...streaming,
        status: 'done',
        confidence: event.confidence,
        needsReview: event.needsReview,
        notes: event.notes ?? [],
        citations: event.citations,
        drafter: event.drafter,
      };
    case 'error': {
      const { code, message, requestId } = event.error;
      return { ...streaming, status: 'error', error: requestId === undefined ? { code, message } : { code, message, requestId } };
    }
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

export function draftReducer(state: DraftState, action: DraftAction): DraftState {
  switch (action.kind) {
    case 'start':
      // A new draft starts from nothing: old sources, actions and edits belong to the old one.
      return { ...initialDraftState, status: 'starting' };
    case 'started':
      return state.status === 'starting' ? { ...state, draftId: action.draftId } : state;
    case 'event':
      return applyDraftEvent(state, action.event);
    case 'failed':
      return isDraftActive(state) ? { ...state, status: 'error', error: action.error, reconnecting: false } : state;
    case 'connection':
      return isDraftActive(state) ? { ...state, reconnecting: action.reconnecting } : state;
    case 'edit':
      // Saving the draft unchanged is not an edit: the agent still sends the draft as written.
      return { ...state, editedText: action.text === state.text ? undefined : action.text };
    case 'discard-edit':
      return { ...state, editedText: undefined };
    case 'reset':
      return initialDraftState;
    default: {
      const unhandled: never = action;
      return unhandled;
    }
  }
}
