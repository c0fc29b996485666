/**
 * The helpdesk tabs' IPC contract: the channels between a helpdesk tab's preload and main, and
 * between the console (the Copilot screen) and main, with their payload types and the bridge the
 * console sees. Types and constants only, like channels.ts; the zod schemas that main and the
 * helpdesk preload validate with are in helpdeskSchemas.ts.
 */
import type { draftOutcomeSchema, TicketContext } from '@tandem/shared';
import type { z } from 'zod';
import type { IpcResponse } from './channels';

export type DraftOutcome = z.infer<typeof draftOutcomeSchema>;

/** The helpdesks the app opens in its own tabs; each gets its own persistent session partition. */
export const HELPDESK_TAB_SITES = ['gmail', 'zendesk', 'salesforce'] as const;
export type HelpdeskTabSite = (typeof HELPDESK_TAB_SITES)[number];

/** Helpdesk tab (its preload) → main, one-way messages. Main accepts them only from the tab's main frame on an allowed host. */
export const HELPDESK_PAGE_CHANNELS = {
  /** HelpdeskPageReport: what the site adapter read (a ticket, no ticket, an unreadable layout). */
  report: 'helpdesk-page:report',
  /** HelpdeskInsertResult: the answer to one `helpdesk-page:insert`. */
  insertResult: 'helpdesk-page:insert-result',
  /** HelpdeskPageDraftOutcome: what became of an inserted draft (sent as is, edited, discarded). */
  draftOutcome: 'helpdesk-page:draft-outcome',
} as const;

/**
 * How main tells a tab's preload its site (webPreferences.additionalArguments, read from
 * process.argv): this prefix, then the URI-encoded JSON `{ site, mappedHosts }`.
 */
export const HELPDESK_ARGUMENT_PREFIX = '--tandem-helpdesk=';

/** Main → helpdesk tab: HelpdeskInsertCommand, put this draft into the site's reply box. */
export const HELPDESK_INSERT_CHANNEL = 'helpdesk-page:insert';

/** What a helpdesk tab reports, in the extension's content-script vocabulary. */
export type HelpdeskPageReport =
  | { type: 'ticket.opened'; ticket: TicketContext }
  | { type: 'ticket.updated'; ticket: TicketContext }
  | { type: 'ticket.closed' }
  | { type: 'ticket.unreadable'; detail: string };

export interface HelpdeskInsertCommand {
  requestId: string;
  draftId: string;
  text: string;
}

export type HelpdeskInsertReply = { ok: true; composer: string } | { ok: false; error: string };

export interface HelpdeskInsertResult {
  requestId: string;
  reply: HelpdeskInsertReply;
}

export interface HelpdeskPageDraftOutcome {
  draftId: string;
  outcome: DraftOutcome;
  keptRatio: number;
}

/** The latest reading of one tab: the ticket open in it, none, or a layout the adapter could not read. */
export type HelpdeskTicketState = { kind: 'ticket'; ticket: TicketContext } | { kind: 'none' } | { kind: 'unreadable'; detail: string };

export interface HelpdeskTabSummary {
  tabId: string;
  site: HelpdeskTabSite;
  /** How the agent sees the site named ("Zendesk"). */
  label: string;
  /** The host the tab shows now; never the path, which may carry ticket ids or search terms. */
  host: string;
  title: string;
  ticket: HelpdeskTicketState;
}

export interface HelpdeskTabsState {
  /** The tab shown beside the Copilot pane; null when the console shows no helpdesk tab. */
  activeTabId: string | null;
  tabs: HelpdeskTabSummary[];
}

/** Open `url` (https; http only for loopback) in a helpdesk tab. `site` names the helpdesk of a host outside the sites' own domains. */
export interface HelpdeskOpenRequest {
  url: string;
  site?: HelpdeskTabSite;
}

export interface HelpdeskInsertRequest {
  tabId: string;
  draftId: string;
  text: string;
}

/**
 * Where the tab sits in the window's content area: below a tab strip `top` px high, right of the
 * console's navigation `left` px wide (0 when absent), left of a Copilot pane `copilotWidth` px wide.
 */
export interface HelpdeskLayout {
  top: number;
  left?: number;
  copilotWidth: number;
}

export interface HelpdeskDraftOutcomeEvent extends HelpdeskPageDraftOutcome {
  tabId: string;
}

/** Console → main, invoke channels (each answers with an IpcResponse envelope). */
export interface HelpdeskIpcContract {
  'helpdeskTabs:list': () => HelpdeskTabsState;
  'helpdeskTabs:open': (request: HelpdeskOpenRequest) => HelpdeskTabSummary;
  'helpdeskTabs:activate': (tabId: string | null) => void;
  'helpdeskTabs:close': (tabId: string) => void;
  'helpdeskTabs:insert': (request: HelpdeskInsertRequest) => { composer: string };
  'helpdeskTabs:layout': (layout: HelpdeskLayout) => void;
}

export type HelpdeskIpcChannel = keyof HelpdeskIpcContract;
export type HelpdeskIpcArgs<C extends HelpdeskIpcChannel> = Parameters<HelpdeskIpcContract[C]>;
export type HelpdeskIpcResult<C extends HelpdeskIpcChannel> = ReturnType<HelpdeskIpcContract[C]>;
export type HelpdeskIpcHandlers = {
  [C in HelpdeskIpcChannel]: (...args: HelpdeskIpcArgs<C>) => HelpdeskIpcResult<C> | Promise<HelpdeskIpcResult<C>>;
};

/** Main → console, events. */
export const HELPDESK_CONSOLE_EVENTS = {
  /** HelpdeskTabsState, after any change: a tab opened, closed, shown, navigated, or read a new ticket. */
  state: 'helpdeskTabs:state',
  /** HelpdeskDraftOutcomeEvent: a draft inserted from the console was sent, edited or discarded. */
  draftOutcome: 'helpdeskTabs:draft-outcome',
} as const;

/** `window.tandemDesktop.helpdesk`: the console's handle on the app's helpdesk tabs. */
export interface HelpdeskBridge {
  list(): Promise<IpcResponse<HelpdeskTabsState>>;
  open(request: HelpdeskOpenRequest): Promise<IpcResponse<HelpdeskTabSummary>>;
  activate(tabId: string | null): Promise<IpcResponse<void>>;
  close(tabId: string): Promise<IpcResponse<void>>;
  insert(request: HelpdeskInsertRequest): Promise<IpcResponse<{ composer: string }>>;
  setLayout(layout: HelpdeskLayout): Promise<IpcResponse<void>>;
  /** Calls `listener` with every new state; returns the function that stops listening. */
  onState(listener: (state: HelpdeskTabsState) => void): () => void;
  onDraftOutcome(listener: (event: HelpdeskDraftOutcomeEvent) => void): () => void;
}
