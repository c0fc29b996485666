/**
 * The draft for the open ticket: `assist.start` when the ticket (its id or its content) changes,
 * then `assist.draft` followed by the draft id until `done` or `error`. The tRPC client resumes a
 * dropped stream after the last event it saw; the old stream is dropped when the ticket changes,
 * the agent regenerates, or the panel closes, so the server can cancel a draft nobody reads.
 */
import type { DraftEvent, DraftLength, DraftTone, TicketContext } from '@tandem/shared';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { currentText, draftReducer, initialDraftState, type DraftState } from './draftState';
import { panelErrorFrom } from './panelError';

/** The callbacks of `assist.draft` this hook uses, as the tRPC client calls them. */
export interface DraftObserver {
  onData: (event: { id: string; data: DraftEvent }) => void;
  onError: (error: unknown) => void;
  onConnectionStateChange: (connection: { state: 'idle' | 'connecting' | 'pending'; error: unknown }) => void;
}

/**
 * The two calls this hook makes, described structurally: the real `TandemClient` fits (the
 * compiler checks it in DraftPanel), and tests pass a small fake instead of tRPC's types.
 */
export interface DraftClient {
  assist: {
    start: {
      mutate: (input: { ticket: TicketContext; options: StartOptions }, request: { signal: AbortSignal }) => Promise<{ draftId: string }>;
    };
    draft: { subscribe: (input: { draftId: string }, observer: DraftObserver) => { unsubscribe: () => void } };
  };
}

export interface DraftOptions {
  tone?: DraftTone;
  length?: DraftLength;
}

export interface UseDraft {
  state: DraftState;
  /** What Copy and Insert use: the agent's edit if saved, else the streamed text. */
  text: string;
  edited: boolean;
  /** Starts a new draft for the same ticket (these options over the hook's), dropping any edit. */
  regenerate: (options?: DraftOptions) => void;
  saveEdit: (text: string) => void;
  discardEdit: () => void;
}

/** Same key, same draft: a re-read of an unchanged ticket (a tab switch) must not start another. */
export function ticketKey(ticket: TicketContext): string {
  return JSON.stringify(ticket);
}

/** `assist.start`'s options; an unset one leaves the choice to the server (length follows the tone). */
export interface StartOptions {
  tone?: DraftTone;
  length?: DraftLength;
}

function startOptions({ tone, length }: DraftOptions): StartOptions {
  return { ...(tone === undefined ? {} : { tone }), ...(length === undefined ? {} : { length }) };
}

interface Regeneration {
  count: number;
  /** The ticket it was asked for: after a ticket change, the hook's own options apply again. */
  key: string | undefined;
  options: DraftOptions;
}

/**
 * `client` must keep its identity between renders (create it once per settings): a new client
 * starts a new draft.
 */
export function useDraft(client: DraftClient | undefined, ticket: TicketContext | undefined, options: DraftOptions): UseDraft {
  const [state, dispatch] = useReducer(draftReducer, initialDraftState);
  const key = useMemo(() => (ticket === undefined ? undefined : ticketKey(ticket)), [ticket]);
  const [regeneration, setRegeneration] = useState<Regeneration>({ count: 0, key: undefined, options: {} });
  // The newest props, read when a draft starts; changing options alone does not start one.
  const latest = useRef({ ticket, key, options });
  useEffect(() => {
    latest.current = { ticket, key, options };
  });

  useEffect(() => {
    const current = latest.current.ticket;
    if (client === undefined || current === undefined) {
      dispatch({ kind: 'reset' });
      return undefined;
    }
    const chosen = regeneration.key === key ? { ...latest.current.options, ...regeneration.options } : latest.current.options;
    let cancelled = false;
    let finished = false;
    let subscription: { unsubscribe: () => void } | undefined;
    const abort = new AbortController();
    const fail = (error: unknown) => {
      if (!cancelled) dispatch({ kind: 'failed', error: panelErrorFrom(error) });
    };

    dispatch({ kind: 'start' });
    client.assist.start.mutate({ ticket: current, options: startOptions(chosen) }, { signal: abort.signal }).then(({ draftId }) => {
      if (cancelled) return;
      dispatch({ kind: 'started', draftId });
      subscription = client.assist.draft.subscribe(
        { draftId },
        {
          onData: ({ data }) => {
            if (cancelled || finished) return;
            dispatch({ kind: 'event', event: data });
            if (data.type === 'done' || data.type === 'error') {
              finished = true;
              subscription?.unsubscribe();
            }
          },
          onError: fail,
          onConnectionStateChange: (connection) => {
            if (!cancelled) dispatch({ kind: 'connection', reconnecting: connection.state === 'connecting' && connection.error !== null });
          },
        },
      );
      // A client that delivered everything synchronously has finished before `subscription` was set.
      if (finished) subscription.unsubscribe();
    }, fail);

    return () => {
      cancelled = true;
      abort.abort();
      subscription?.unsubscribe();
    };
  }, [client, key, regeneration]);

  const regenerate = useCallback((override: DraftOptions = {}) => {
    setRegeneration((previous) => ({ count: previous.count + 1, key: latest.current.key, options: override }));
  }, []);
  const saveEdit = useCallback((text: string) => dispatch({ kind: 'edit', text }), []);
  const discardEdit = useCallback(() => dispatch({ kind: 'discard-edit' }), []);

  return { state, text: currentText(state), edited: state.editedText !== undefined, regenerate, saveEdit, discardEdit };
}
