/**
 * What the visitor sees of their conversation, as pure functions of the events: history replayed
 * on a reload, then the stream (which may repeat events after a reconnect, so every lasting event
 * is applied once, by key). Provisional answer text (`token`s) lives apart from the stored
 * entries: an `answer` replaces it, any other lasting event or a `retract` discards it. The
 * visitor's own messages show at once as pending and are matched to the server's copy when it
 * arrives, by the send's reply or by its echo on the stream, whichever comes first.
 */
import type {
  WidgetCitation,
  WidgetConversation,
  WidgetEvent,
  WidgetHandoffReason,
  WidgetHistory,
  WidgetProactiveTrigger,
  WidgetSent,
} from '@tandem/shared';

export type Entry =
  | { key: string; kind: 'visitor'; text: string; pending: boolean }
  | { key: string; kind: 'ai'; text: string; citations: WidgetCitation[] }
  | { key: string; kind: 'human'; text: string; agentName: string }
  | { key: string; kind: 'proactive'; text: string; trigger: WidgetProactiveTrigger }
  | { key: string; kind: 'handoff'; reason: WidgetHandoffReason }
  | { key: string; kind: 'handback' }
  | { key: string; kind: 'closed' };

export interface ConversationState {
  conversation: WidgetConversation | undefined;
  entries: readonly Entry[];
  /** The answer being written, shown as it streams; undefined when none is. */
  draft: string | undefined;
  /** The AI started writing and nothing is shown yet. */
  typing: boolean;
  ratingRequested: boolean;
  /** The id to resume the stream after. */
  lastEventId: string | undefined;
  /** The last error event's message, until something else happens. */
  error: string | undefined;
}

export const emptyState: ConversationState = {
  conversation: undefined,
  entries: [],
  draft: undefined,
  typing: false,
  ratingRequested: false,
  lastEventId: undefined,
  error: undefined,
};

const PENDING = 'pending:';

/** The conversation and its transcript from a reload's history. */
export function fromHistory(history: WidgetHistory): ConversationState {
  let state: ConversationState = { ...emptyState, conversation: history.conversation };
  for (const item of history.events) state = applyEvent(state, item.id, item.event);
  return { ...state, lastEventId: history.lastEventId };
}

/**
 * Starts following `conversation`. A new one replaces the old transcript, except the visitor's
 * messages still being sent: they are on their way into this one.
 */
export function withConversation(state: ConversationState, conversation: WidgetConversation): ConversationState {
  if (state.conversation?.id === conversation.id) return { ...state, conversation: { ...state.conversation, ...conversation } };
  const pending = state.entries.filter((e) => e.kind === 'visitor' && e.pending);
  return { ...emptyState, conversation, entries: pending, lastEventId: state.lastEventId };
}

function withStatus(state: ConversationState, patch: Partial<WidgetConversation>): ConversationState {
  return state.conversation === undefined ? state : { ...state, conversation: { ...state.conversation, ...patch } };
}

const hasKey = (state: ConversationState, key: string) => state.entries.some((e) => e.key === key);

/** Adds a lasting entry once, ending any provisional text. */
function lasting(state: ConversationState, entry: Entry): ConversationState {
  const settled = { ...state, draft: undefined, typing: false, error: undefined };
  return hasKey(state, entry.key) ? settled : { ...settled, entries: [...state.entries, entry] };
}

/** The visitor's message from the server: it takes the place of the matching pending one, if any. */
function visitorMessage(state: ConversationState, key: string, text: string): ConversationState {
  if (hasKey(state, key)) return state;
  const pendingAt = state.entries.findIndex((e) => e.kind === 'visitor' && e.pending && e.text === text);
  const confirmed: Entry = { key, kind: 'visitor', text, pending: false };
  if (pendingAt < 0) return { ...state, entries: [...state.entries, confirmed] };
  return { ...state, entries: state.entries.map((e, i) => (i === pendingAt ? confirmed : e)) };
}

/** Applies one event of the stream (or of history) with its id. */
export function applyEvent(state: ConversationState, id: string | undefined, event: WidgetEvent): ConversationState {
  const next = id === undefined ? state : { ...state, lastEventId: id };
  if (event.type === 'conversation') return withConversation(next, event.conversation);
  if (event.type === 'error') return { ...next, typing: false, error: event.error.message };
  // Events of a conversation the widget no longer follows are history of no interest.
  if (state.conversation !== undefined && event.conversationId !== state.conversation.id) return next;
  const key = id ?? `${event.type}:${event.conversationId}`;
  switch (event.type) {
    case 'message':
      return visitorMessage(next, event.message.id, event.message.text);
    case 'typing':
      return { ...next, typing: next.draft === undefined, error: undefined };
    case 'token':
      return { ...next, typing: false, draft: (next.draft ?? '') + event.text };
    case 'retract':
      return { ...next, typing: false, draft: undefined };
    case 'answer':
      return lasting(next, { key: event.message.id, kind: 'ai', text: event.message.text, citations: event.message.citations });
    case 'human':
      return lasting(withStatus(next, { status: 'human', agent: event.message.agent }), {
        key: event.message.id,
        kind: 'human',
        text: event.message.text,
        agentName: event.message.agent.name,
      });
    case 'proactive':
      return lasting(next, { key: event.message.id, kind: 'proactive', text: event.message.text, trigger: event.trigger });
    case 'handoff':
      return lasting(withStatus(next, { status: 'waiting-for-human', agent: undefined }), { key, kind: 'handoff', reason: event.reason });
    case 'handback':
      return lasting(withStatus(next, { status: 'ai', agent: undefined }), { key, kind: 'handback' });
    case 'closed':
      return lasting(withStatus(next, { status: 'closed' }), { key, kind: 'closed' });
    case 'rating-request':
      return { ...next, draft: undefined, typing: false, ratingRequested: true };
  }
}

/** The visitor pressed Send: their message shows at once. */
export function addPending(state: ConversationState, clientMessageId: string, text: string): ConversationState {
  return {
    ...state,
    error: undefined,
    entries: [...state.entries, { key: PENDING + clientMessageId, kind: 'visitor', text, pending: true }],
  };
}

/** The server stored it: the pending copy becomes the stored one (or goes, if the echo came first). */
export function confirmPending(state: ConversationState, clientMessageId: string, sent: WidgetSent): ConversationState {
  const key = PENDING + clientMessageId;
  if (hasKey(state, sent.message.id)) return { ...state, entries: state.entries.filter((e) => e.key !== key) };
  return {
    ...state,
    entries: state.entries.map((e) =>
      e.key === key ? { key: sent.message.id, kind: 'visitor', text: sent.message.text, pending: false } : e,
    ),
  };
}

/** It could not be sent: the pending copy goes (the text returns to the composer). */
export function dropPending(state: ConversationState, clientMessageId: string): ConversationState {
  return { ...state, entries: state.entries.filter((e) => e.key !== PENDING + clientMessageId) };
}

export function withRating(state: ConversationState, score: number): ConversationState {
  return withStatus(state, { rating: score });
}

/** Who is answering now, for the panel's header. */
export type Answerer = { kind: 'ai' } | { kind: 'waiting' } | { kind: 'human'; name: string } | { kind: 'closed' };

export function answerer(state: ConversationState): Answerer {
  const c = state.conversation;
  if (c === undefined || c.status === 'ai') return { kind: 'ai' };
  if (c.status === 'waiting-for-human') return { kind: 'waiting' };
  if (c.status === 'closed') return { kind: 'closed' };
  return c.agent === undefined ? { kind: 'waiting' } : { kind: 'human', name: c.agent.name };
}

/** Whether the rating prompt shows: asked for, not given yet. */
export const wantsRating = (state: ConversationState): boolean =>
  (state.ratingRequested || state.conversation?.status === 'closed') && state.conversation?.rating === undefined;
