/**
 * The assist panel for the open ticket, in the order an agent needs it: who the customer is and
 * how they feel, the streamed reply draft with Insert and how far to trust it, the agent's
 * rating, the customer's live facts, the suggested actions, then the knowledge (given by the
 * side panel, told which articles the draft cited), all from one `useDraft`. Shortcuts: Alt+Shift+R regenerates, Alt+Shift+I inserts, inside the
 * panel or forwarded from `chrome.commands` through `commands`.
 */
import type { CitedSource, TicketContext } from '@tandem/shared';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { initialDraftState, isDraftActive } from './draftState';
import { ticketKey, useDraft, type DraftClient, type DraftOptions, type UseDraft } from './useDraft';
import { ActionsList, type ActionsClient } from '../actions/ActionsList';
import { LiveFacts } from '../header/LiveFacts';
import { TicketHeader } from '../header/TicketHeader';
import { DraftFeedback, type DraftRating } from './DraftFeedback';
import { DraftView, canUseText } from './DraftView';
import { runInsert, type InsertDraft, type InsertStatus } from './insertStatus';
import { panelCommandForKey, type PanelCommand, type PanelCommands } from './panelCommands';

/** The rating call, described structurally like the others so tests can pass a fake. */
export interface FeedbackClient {
  assist: { feedback: { mutate: (input: { draftId: string; rating: DraftRating }) => Promise<unknown> } };
}

/** What the panel calls on the server; `createTandemClient(settings)` gives one (keep it across renders). */
export type PanelClient = DraftClient & ActionsClient & FeedbackClient;

export interface DraftPanelProps {
  /** Undefined while the extension is not configured: the panel then says so and drafts nothing. */
  client: PanelClient | undefined;
  /** Undefined when no ticket is open: the panel renders nothing. */
  ticket: TicketContext | undefined;
  /** Puts the text into the helpdesk's reply composer (the tab's content script) and says how it went. */
  onInsert: InsertDraft;
  /** Forwarded `chrome.commands` ('regenerate-draft', 'insert-draft'); see `usePanelCommands`. */
  commands?: PanelCommands;
  /** Rendered last: the knowledge cards, marked where the finished draft cites them (document id → `[n]`). */
  knowledge?: (cited: ReadonlyMap<string, number>) => ReactNode;
  /** Following someone else's ticket (a lead coaching): the draft and cards show, Insert, rating and actions do not. */
  readOnly?: boolean;
  /** Told the draft's state and text as they change (the extension's follow mode publishes them). */
  onDraftChange?: (draft: PanelDraftState) => void;
}

/** The draft as others may follow it: where it stands and its text (the agent's edit included). */
export interface PanelDraftState {
  status: 'idle' | 'streaming' | 'done' | 'error';
  text: string;
}

const IDLE: InsertStatus = { kind: 'idle' };

/** What the panel shows between a ticket change and its new draft's start: nothing of the old draft. */
function pendingDraft(draft: UseDraft): UseDraft {
  return { ...draft, state: { ...initialDraftState, status: 'starting' }, text: '', edited: false };
}

export function DraftPanel({ client, ticket, onInsert, commands, knowledge, readOnly = false, onDraftChange }: DraftPanelProps) {
  const [options, setOptions] = useState<DraftOptions>({});
  const current = useDraft(client, ticket, options);
  // The new ticket's draft starts in an effect, after the render that shows the new ticket: for
  // that one frame the old draft (and its enabled Insert) must not appear under the new header.
  const key = useMemo(() => (ticket === undefined ? undefined : ticketKey(ticket)), [ticket]);
  const [draftFor, setDraftFor] = useState(key);
  if (draftFor !== key && (current.state.status === 'starting' || current.state.status === 'idle')) setDraftFor(key);
  const draft = draftFor === key ? current : pendingDraft(current);
  const { state } = draft;
  const { draftId } = state;
  // Both belong to one draft: a new draft must not show the old one's editor or insert result.
  const [editingDraft, setEditingDraft] = useState<string>();
  const [insert, setInsert] = useState<{ draftId: string; status: InsertStatus }>();
  const editing = draftId !== undefined && editingDraft === draftId;
  const insertStatus = insert !== undefined && insert.draftId === draftId ? insert.status : IDLE;
  const canRegenerate = client !== undefined && ticket !== undefined;
  const cited = useMemo(() => citedDocuments(state.sources, state.citations), [state.sources, state.citations]);

  const regenerate = (next?: DraftOptions) => {
    if (!canRegenerate) return;
    setEditingDraft(undefined);
    draft.regenerate(next);
  };
  const insertDraft = async () => {
    if (readOnly || !canUseText(draft) || draftId === undefined || editing || insertStatus.kind === 'inserting') return;
    setInsert({ draftId, status: { kind: 'inserting' } });
    setInsert({ draftId, status: await runInsert(onInsert, draft.text, draftId) });
  };
  const onOptionsChange = (next: DraftOptions) => {
    setOptions(next);
    // A new tone applies at once, unless that would throw away the agent's own words.
    if (!draft.edited) regenerate(next);
  };
  /** False when the command does not apply now, so the key press keeps its default (typing in the editor). */
  const onCommand = (command: PanelCommand): boolean => {
    // While the editor is open the keys belong to it, and regenerating would lose the unsaved edit.
    if (editing) return false;
    if (command === 'regenerate-draft') regenerate();
    else void insertDraft();
    return true;
  };

  const onDraftChangeRef = useRef(onDraftChange);
  useEffect(() => {
    onDraftChangeRef.current = onDraftChange;
  });
  const followedStatus: PanelDraftState['status'] = state.status === 'starting' ? 'streaming' : state.status;
  const followedText = draft.text;
  useEffect(() => {
    onDraftChangeRef.current?.({ status: followedStatus, text: followedText });
  }, [followedStatus, followedText]);

  // Listeners are added once; they call the newest handler, which sees the current draft.
  const commandRef = useRef(onCommand);
  useEffect(() => {
    commandRef.current = onCommand;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const command = panelCommandForKey(event);
      if (command === undefined || event.repeat) return;
      if (commandRef.current(command)) event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    const stopListening = commands?.listen((command) => void commandRef.current(command));
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      stopListening?.();
    };
  }, [commands]);

  if (ticket === undefined) return null;
  if (client === undefined) {
    return (
      <section className="card" aria-label="Reply draft">
        <p className="muted" data-testid="draft-unavailable">
          Connect to a Tandem server to get a reply draft.
        </p>
      </section>
    );
  }
  return (
    <div className="draft-panel">
      <TicketHeader ticket={ticket} analysis={state.analysis} pending={isDraftActive(state)} />
      <DraftView
        draft={draft}
        options={options}
        onOptionsChange={onOptionsChange}
        onRegenerate={() => regenerate()}
        canRegenerate={canRegenerate}
        editing={editing}
        onEditingChange={(open) => setEditingDraft(open ? draftId : undefined)}
        insert={insertStatus}
        onInsert={() => void insertDraft()}
        readOnly={readOnly}
      />
      {state.status === 'done' && draftId !== undefined && !readOnly ? (
        <DraftFeedback key={`feedback-${draftId}`} onRate={(rating) => client.assist.feedback.mutate({ draftId, rating })} />
      ) : null}
      <LiveFacts live={state.live} />
      {readOnly ? null : <ActionsList key={`actions-${draftId ?? 'none'}`} client={client} actions={state.actions} />}
      {knowledge?.(cited)}
    </div>
  );
}

/** The documents the draft cites, each with its first citation number. */
function citedDocuments(sources: readonly CitedSource[], citations: readonly number[]): ReadonlyMap<string, number> {
  const cited = new Map<string, number>();
  for (const n of [...citations].sort((a, b) => a - b)) {
    const source = sources.find((s) => s.n === n);
    if (source !== undefined && !cited.has(source.documentId)) cited.set(source.documentId, n);
  }
  return cited;
}
