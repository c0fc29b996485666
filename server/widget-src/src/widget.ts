/**
 * The widget's controller: loads the site's config, resumes the visitor's session and latest
 * conversation from local storage (history first, then the stream from its last event), follows
 * the stream, and carries out what the visitor does (send, ask for a person, rate, start again).
 * A visitor who never writes costs one config request: the session is created on the first
 * message (or at once for a returning or verified visitor, whose conversation may be waiting).
 * The widget never runs an action: it has no route for one; a change the visitor asks for is
 * handed to a person by the server.
 */
import type { WidgetConfig, WidgetConversation, WidgetHistory, WidgetIdentity } from '@tandem/shared';
import { readEvent } from './contract/guards.js';
import { ApiError, type WidgetApi } from './transport/api.js';
import { EventStream } from './transport/eventStream.js';
import {
  addPending,
  applyEvent,
  confirmPending,
  dropPending,
  emptyState,
  fromHistory,
  withConversation,
  withRating,
  type ConversationState,
} from './state/conversationState.js';
import type { VisitorStore } from './state/visitorStore.js';
import { TEXTS } from './ui/texts.js';
import { WidgetView } from './ui/widgetView.js';

export interface WidgetOptions {
  api: WidgetApi;
  store: VisitorStore;
  host: HTMLElement;
  shadow: ShadowRoot;
  identity?: WidgetIdentity | undefined;
}

/** What tests (and a page's console) can reach: the state, and a way to stop. */
export interface WidgetHandle {
  readonly config: WidgetConfig;
  state(): ConversationState;
  stop(): void;
}

/** A message id of 24 hex digits (crypto.randomUUID needs a secure context; pages may be http). */
function clientMessageId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');
}

const NEWS = new Set(['ai', 'human', 'proactive', 'handoff']);
/** A pause in typing this long sends the preview (most visitors pause longer before they send). */
const PREVIEW_PAUSE_MS = 300;
/** Shorter text is not a question yet. */
const PREVIEW_MIN_CHARS = 8;

export async function startWidget(options: WidgetOptions): Promise<WidgetHandle | undefined> {
  const { api, store, identity } = options;
  let config: WidgetConfig;
  try {
    config = await api.config();
  } catch {
    // An unknown key or a page not on the site's list: the widget stays out of the page.
    return undefined;
  }

  let state: ConversationState = emptyState;
  let token: string | undefined;
  let session: Promise<string> | undefined;
  let stream: EventStream | undefined;
  let open = store.read().open === true;
  let unread = false;
  let sending = false;
  let status: string | undefined;
  let offline = false;
  let thanked = false;
  let previewTimer: ReturnType<typeof setTimeout> | undefined;
  let previewed = '';

  const view = new WidgetView(options.shadow, options.host, config, {
    open: () => {
      open = true;
      unread = false;
      store.write({ open: true });
      render();
      view.focusInput();
    },
    close: () => {
      open = false;
      store.write({ open: false });
      render();
      view.focusLauncher();
    },
    send: (text) => {
      clearTimeout(previewTimer);
      void send(text);
    },
    typing: (text) => {
      clearTimeout(previewTimer);
      previewTimer = setTimeout(() => preview(text), PREVIEW_PAUSE_MS);
    },
    talkToPerson: () => void act(async (t) => setState(withConversation(state, await api.handoff(t, (await conversation(t)).id)))),
    rate: (score) =>
      void act(async (t) => {
        const c = state.conversation;
        if (c === undefined) return;
        await api.rate(t, c.id, { score });
        thanked = true;
        setState(withRating(state, score));
      }),
    newConversation: () =>
      void act(async (t) => {
        thanked = false;
        setState(withConversation(state, await api.openConversation(t)));
        store.write({ conversationId: state.conversation?.id });
        startStream();
        view.focusInput();
      }),
  });

  function render(): void {
    view.render({ state, open, unread, sending, thanked, status: status ?? (offline ? TEXTS.offline : undefined) });
  }

  function setState(next: ConversationState): void {
    const known = new Set(state.entries.map((e) => e.key));
    if (!open && next.conversation?.id === state.conversation?.id && next.entries.some((e) => !known.has(e.key) && NEWS.has(e.kind)))
      unread = true;
    state = next;
    render();
  }

  /** The visitor's token, starting or resuming their session once (concurrent callers share it). */
  function ensureSession(): Promise<string> {
    if (token !== undefined) return Promise.resolve(token);
    session ??= resumeSession().finally(() => (session = undefined));
    return session;
  }

  async function resumeSession(): Promise<string> {
    const stored = store.read();
    // The stored conversation's history is fetched beside the session call; used if it is still the latest.
    const early =
      stored.visitorToken !== undefined && stored.conversationId !== undefined
        ? api.history(stored.visitorToken, stored.conversationId).catch(() => undefined)
        : Promise.resolve(undefined);
    let started;
    try {
      started = await api.session({ visitorToken: stored.visitorToken, identity });
    } catch (error) {
      // A signature the server does not accept: go on as an anonymous visitor.
      if (!(error instanceof ApiError && error.status === 401 && identity !== undefined)) throw error;
      started = await api.session({ visitorToken: stored.visitorToken });
    }
    token = started.visitorToken;
    store.write({ visitorToken: token, conversationId: started.conversation?.id });
    const latest = started.conversation;
    if (latest !== null && state.conversation === undefined) {
      const history: WidgetHistory | undefined =
        latest.id === stored.conversationId
          ? ((await early) ?? (await api.history(token, latest.id)))
          : await api.history(token, latest.id);
      if (state.conversation === undefined) setState(fromHistory(history));
      startStream();
    }
    return token;
  }

  /** The conversation to write in: the current one, or a new one when there is none or it was closed. */
  async function conversation(t: string): Promise<WidgetConversation> {
    const current = state.conversation;
    if (current !== undefined && current.status !== 'closed') return current;
    setState(withConversation(state, await api.openConversation(t)));
    store.write({ conversationId: state.conversation?.id });
    startStream();
    return state.conversation as WidgetConversation;
  }

  function startStream(): void {
    if (stream !== undefined) return;
    const started: EventStream = new EventStream({
      lastEventId: state.lastEventId,
      open: async (lastEventId, signal) => api.events(await ensureSession(), lastEventId, signal),
      onMessage: (id, data) => {
        const event = readEvent(data);
        if (event === undefined) return;
        setState(applyEvent(state, id, event));
        if (event.type === 'conversation') store.write({ conversationId: event.conversationId });
      },
      onUnauthorized: async () => {
        token = undefined;
        store.write({ visitorToken: undefined });
        await ensureSession().catch(() => undefined);
        return token !== undefined;
      },
      onFatal: () => {
        status = TEXTS.unavailable;
        if (stream === started) stream = undefined;
        render();
      },
      onConnected: (connected) => {
        if (offline === !connected) return;
        offline = !connected;
        render();
      },
    });
    stream = started;
    void started.start();
  }

  /** Runs a visitor action with their token, renewing a refused session once; failures show as a status. */
  async function act(action: (token: string) => Promise<void>): Promise<boolean> {
    status = undefined;
    try {
      try {
        await action(await ensureSession());
      } catch (error) {
        if (!(error instanceof ApiError && error.status === 401)) throw error;
        token = undefined;
        await action(await ensureSession());
      }
      return true;
    } catch (error) {
      status = error instanceof ApiError && error.code === 'TOO_MANY_REQUESTS' ? TEXTS.tooMany : TEXTS.notSent;
      render();
      return false;
    }
  }

  /**
   * The question as typed so far, once the visitor pauses: the server embeds it (redacted) so a
   * cached answer is found at once when it is sent. Only with a session already open and while
   * the AI answers; a failure changes nothing for the visitor.
   */
  function preview(text: string): void {
    const typed = text.trim();
    if (token === undefined || typed.length < PREVIEW_MIN_CHARS || typed === previewed || state.conversation?.status !== 'ai') return;
    previewed = typed;
    api.preview(token, typed).catch(() => undefined);
  }

  async function send(text: string): Promise<void> {
    if (sending) return;
    sending = true;
    const id = clientMessageId();
    setState(addPending(state, id, text));
    const ok = await act(async (t) => {
      const c = await conversation(t);
      const sent = await api.send(t, c.id, { text, clientMessageId: id });
      setState(confirmPending(state, id, sent));
    });
    if (!ok) {
      setState(dropPending(state, id));
      view.restore(text);
    }
    sending = false;
    render();
  }

  render();
  const returning = store.read().visitorToken !== undefined;
  // A panel left open is shown open again, without taking focus from the page.
  if (returning || identity !== undefined) await ensureSession().catch(() => undefined);

  return {
    config,
    state: () => state,
    stop: () => stream?.stop(),
  };
}
