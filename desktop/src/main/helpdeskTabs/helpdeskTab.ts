/**
 * One helpdesk tab: a WebContentsView in the site's own persistent partition, with the hardened
 * web preferences and the helpdesk preload. Its main frame stays on the site's hosts (reading or
 * sign-in); links elsewhere go to the system browser (http(s) only) and everything else is
 * refused. It keeps the latest ticket its preload reported, once the message passed the gate
 * (pageMessageGate.ts), and forwards insert commands to the page, answering with the page's reply.
 */
import { randomUUID } from 'node:crypto';
import {
  shell,
  WebContentsView,
  type HandlerDetails,
  type IpcMainEvent,
  type WebPreferences,
  type WindowOpenHandlerResponse,
} from 'electron';
import type { z } from 'zod';
import {
  HELPDESK_ARGUMENT_PREFIX,
  HELPDESK_INSERT_CHANNEL,
  HELPDESK_PAGE_CHANNELS,
  type HelpdeskInsertCommand,
  type HelpdeskPageDraftOutcome,
  type HelpdeskTabSummary,
  type HelpdeskTicketState,
} from '../../ipc/helpdeskChannels';
import { helpdeskInsertResultSchema, helpdeskPageDraftOutcomeSchema, helpdeskPageReportSchema } from '../../ipc/helpdeskSchemas';
import { hardenedWebPreferences } from '../hardening';
import { DesktopIpcError } from '../ipc/desktopError';
import { isExternalWebUrl } from '../window';
import { hostRole, type HelpdeskSiteConfig } from './helpdeskSites';
import { checkPageMessage, type PageMessageRejection } from './pageMessageGate';

/** How long the page has to answer an insert before the console is told it did not. */
export const INSERT_TIMEOUT_MS = 10_000;

export interface HelpdeskTabEvents {
  /** The tab's ticket, host or title changed. */
  onChange(): void;
  onDraftOutcome(outcome: HelpdeskPageDraftOutcome): void;
  /** On-site links that ask for a new window open as another tab of the same site. */
  openSibling(url: string): void;
  /** Rejected page messages and refused navigations, for the log: reasons and hosts, never content. */
  onRefused(detail: { tabId: string; what: string; reason: PageMessageRejection | 'foreign-host' | 'not-web'; host?: string }): void;
}

export interface HelpdeskTab {
  readonly tabId: string;
  readonly view: WebContentsView;
  readonly config: HelpdeskSiteConfig;
  summary(): HelpdeskTabSummary;
  /** Puts a draft in the page's reply box; resolves with the box's label, rejects with a typed error. */
  insert(draftId: string, text: string): Promise<{ composer: string }>;
  destroy(): void;
}

/** The preferences a helpdesk tab is created with: the console's hardening plus the site's partition and preload. */
export function helpdeskWebPreferences(config: HelpdeskSiteConfig, preloadPath: string): WebPreferences {
  return {
    ...hardenedWebPreferences(preloadPath),
    partition: config.partition,
    additionalArguments: [
      `${HELPDESK_ARGUMENT_PREFIX}${encodeURIComponent(JSON.stringify({ site: config.site, mappedHosts: config.mappedHosts }))}`,
    ],
    // Helpdesks play notification sounds and keep live connections; a hidden tab must not be frozen.
    backgroundThrottling: false,
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

export function createHelpdeskTab(config: HelpdeskSiteConfig, url: string, preloadPath: string, events: HelpdeskTabEvents): HelpdeskTab {
  if (hostRole(config, url) === undefined) {
    throw new DesktopIpcError('FORBIDDEN', `${config.label} tabs open only the site's own hosts`);
  }
  const tabId = randomUUID();
  const view = new WebContentsView({ webPreferences: helpdeskWebPreferences(config, preloadPath) });
  const contents = view.webContents;
  let ticket: HelpdeskTicketState = { kind: 'none' };
  const pending = new Map<
    string,
    { resolve: (value: { composer: string }) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }
  >();

  const canRead = (pageUrl: string) => hostRole(config, pageUrl) === 'read';
  const refuse = (what: string, reason: PageMessageRejection | 'foreign-host' | 'not-web', target?: string) =>
    events.onRefused({ tabId, what, reason, ...(target === undefined ? {} : { host: hostOf(target) }) });

  const setTicket = (next: HelpdeskTicketState) => {
    ticket = next;
    events.onChange();
  };

  contents.setWindowOpenHandler(({ url: target }: HandlerDetails): WindowOpenHandlerResponse => {
    if (hostRole(config, target) !== undefined) events.openSibling(target);
    // No system browser to hand the link to is the OS's problem, not the tab's: nothing more to do.
    else if (isExternalWebUrl(target)) shell.openExternal(target).catch(() => undefined);
    else refuse('window.open', 'not-web');
    return { action: 'deny' };
  });

  // loadURL is not announced by will-navigate, which is why the first URL is checked above.
  contents.on('will-navigate', (event) => {
    if (hostRole(config, event.url) !== undefined) return;
    event.preventDefault();
    refuse('navigation', 'foreign-host', event.url);
  });
  contents.on('will-redirect', (event) => {
    if (!event.isMainFrame || hostRole(config, event.url) !== undefined) return;
    event.preventDefault();
    refuse('redirect', 'foreign-host', event.url);
  });
  // A new document has not read its ticket yet: the old one must not linger beside it.
  contents.on('did-navigate', () => setTicket({ kind: 'none' }));
  contents.on('page-title-updated', () => events.onChange());
  contents.on('render-process-gone', () => setTicket({ kind: 'none' }));

  const gate = <T>(what: string, event: IpcMainEvent, args: unknown[], schema: z.ZodType<T>): T | undefined => {
    const verdict = checkPageMessage(event.senderFrame, contents.mainFrame, canRead, schema, args);
    if (!verdict.ok) {
      refuse(what, verdict.reason, event.senderFrame?.url);
      return undefined;
    }
    return verdict.value;
  };

  // contents.ipc hears only this tab's frames: no other page can speak for it.
  contents.ipc.on(HELPDESK_PAGE_CHANNELS.report, (event, ...args: unknown[]) => {
    const report = gate(HELPDESK_PAGE_CHANNELS.report, event, args, helpdeskPageReportSchema);
    if (report === undefined) return;
    if (report.type === 'ticket.opened' || report.type === 'ticket.updated') setTicket({ kind: 'ticket', ticket: report.ticket });
    else if (report.type === 'ticket.closed') setTicket({ kind: 'none' });
    else setTicket({ kind: 'unreadable', detail: report.detail });
  });
  contents.ipc.on(HELPDESK_PAGE_CHANNELS.insertResult, (event, ...args: unknown[]) => {
    const result = gate(HELPDESK_PAGE_CHANNELS.insertResult, event, args, helpdeskInsertResultSchema);
    const waiting = result === undefined ? undefined : pending.get(result.requestId);
    if (result === undefined || waiting === undefined) return;
    pending.delete(result.requestId);
    clearTimeout(waiting.timer);
    if (result.reply.ok) waiting.resolve({ composer: result.reply.composer });
    else waiting.reject(new DesktopIpcError('UNPROCESSABLE_CONTENT', result.reply.error));
  });
  contents.ipc.on(HELPDESK_PAGE_CHANNELS.draftOutcome, (event, ...args: unknown[]) => {
    const outcome = gate(HELPDESK_PAGE_CHANNELS.draftOutcome, event, args, helpdeskPageDraftOutcomeSchema);
    if (outcome !== undefined) events.onDraftOutcome(outcome);
  });

  contents.loadURL(url).catch((error: unknown) => {
    // A failed load (offline, a certificate error) shows Chromium's error page in the tab; the log gets no URL path.
    process.stderr.write(
      `${JSON.stringify({ msg: 'helpdesk tab did not load', tabId, host: hostOf(url), error: String(error).slice(0, 200) })}\n`,
    );
  });

  return {
    tabId,
    view,
    config,
    summary: () => ({
      tabId,
      site: config.site,
      label: config.label,
      host: hostOf(contents.getURL()) || hostOf(url),
      title: contents.getTitle().slice(0, 200),
      ticket,
    }),
    insert(draftId, text) {
      // The page may have moved to a sign-in page since the console saw its ticket: never type into that.
      if (!canRead(contents.mainFrame.url)) {
        return Promise.reject(new DesktopIpcError('FORBIDDEN', `The ${config.label} tab is not on a ticket page`));
      }
      const command: HelpdeskInsertCommand = { requestId: randomUUID(), draftId, text };
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(command.requestId);
          reject(new DesktopIpcError('TIMEOUT', `The ${config.label} tab did not answer the insert`));
        }, INSERT_TIMEOUT_MS);
        pending.set(command.requestId, { resolve, reject, timer });
        contents.mainFrame.send(HELPDESK_INSERT_CHANNEL, command);
      });
    },
    destroy() {
      for (const [requestId, waiting] of pending) {
        clearTimeout(waiting.timer);
        waiting.reject(new DesktopIpcError('NOT_FOUND', 'The helpdesk tab was closed'));
        pending.delete(requestId);
      }
      for (const channel of Object.values(HELPDESK_PAGE_CHANNELS)) contents.ipc.removeAllListeners(channel);
      if (!contents.isDestroyed()) contents.close();
    },
  };
}
