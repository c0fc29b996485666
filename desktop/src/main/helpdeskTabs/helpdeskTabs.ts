/**
 * The app's helpdesk tabs in one window: opens a tab for a URL on a site's hosts, shows one tab at
 * a time beside the console's Copilot pane (re-laid out on every resize), closes tabs, forwards
 * insert commands, and tells the console every change (HELPDESK_CONSOLE_EVENTS). Each site's
 * partition gets the helpdesk permission policy and a browser user agent once, when its first
 * tab opens.
 */
import { session as electronSession, type BrowserWindow, type Session } from 'electron';
import {
  HELPDESK_CONSOLE_EVENTS,
  type HelpdeskLayout,
  type HelpdeskOpenRequest,
  type HelpdeskTabsState,
  type HelpdeskTabSite,
  type HelpdeskTabSummary,
} from '../../ipc/helpdeskChannels';
import { browserUserAgent, hardenHelpdeskSession } from '../hardening';
import { DesktopIpcError } from '../ipc/desktopError';
import { createHelpdeskTab, type HelpdeskTab, type HelpdeskTabEvents } from './helpdeskTab';
import { hostRole, siteForUrl, type HelpdeskSiteConfig } from './helpdeskSites';
import { DEFAULT_HELPDESK_LAYOUT, helpdeskViewBounds } from './tabLayout';

/** Enough for an agent's working set; more is a runaway page opening tabs, not a person. */
export const MAX_HELPDESK_TABS = 12;

export interface HelpdeskTabsOptions {
  window: BrowserWindow;
  sites: Record<HelpdeskTabSite, HelpdeskSiteConfig>;
  preloadPath: string;
  /** Whether the console window still shows the app (tickets go only there). */
  isAppUrl: (url: string) => boolean;
  log?: (entry: Record<string, unknown>) => void;
}

export interface HelpdeskTabs {
  list(): HelpdeskTabsState;
  open(request: HelpdeskOpenRequest): HelpdeskTabSummary;
  activate(tabId: string | null): void;
  close(tabId: string): void;
  insert(tabId: string, draftId: string, text: string): Promise<{ composer: string }>;
  setLayout(layout: HelpdeskLayout): void;
  closeAll(): void;
}

function stderrLog(entry: Record<string, unknown>): void {
  process.stderr.write(`${JSON.stringify({ name: 'helpdesk-tabs', ...entry })}\n`);
}

export function createHelpdeskTabs(options: HelpdeskTabsOptions): HelpdeskTabs {
  const { window, sites, preloadPath, isAppUrl, log = stderrLog } = options;
  const tabs = new Map<string, HelpdeskTab>();
  const hardenedPartitions = new Set<string>();
  let activeTabId: string | null = null;
  let layout = DEFAULT_HELPDESK_LAYOUT;

  const list = (): HelpdeskTabsState => ({ activeTabId, tabs: [...tabs.values()].map((tab) => tab.summary()) });

  const toConsole = (channel: string, payload: unknown) => {
    const contents = window.webContents;
    if (contents.isDestroyed() || !isAppUrl(contents.getURL())) return;
    contents.send(channel, payload);
  };
  const announce = () => toConsole(HELPDESK_CONSOLE_EVENTS.state, list());

  const relayout = () => {
    const active = activeTabId === null ? undefined : tabs.get(activeTabId);
    if (active === undefined) return;
    active.view.setBounds(helpdeskViewBounds(window.getContentSize() as [number, number], layout));
  };

  const show = (tabId: string | null) => {
    activeTabId = tabId;
    for (const tab of tabs.values()) tab.view.setVisible(tab.tabId === tabId);
    relayout();
  };

  const hardenPartition = (config: HelpdeskSiteConfig) => {
    if (hardenedPartitions.has(config.partition)) return;
    const ses: Session = electronSession.fromPartition(config.partition);
    hardenHelpdeskSession(ses, (url) => hostRole(config, url) === 'read');
    ses.setUserAgent(browserUserAgent(ses.getUserAgent()));
    hardenedPartitions.add(config.partition);
  };

  const open = (request: HelpdeskOpenRequest): HelpdeskTabSummary => {
    if (tabs.size >= MAX_HELPDESK_TABS)
      throw new DesktopIpcError('TOO_MANY_REQUESTS', `At most ${MAX_HELPDESK_TABS} helpdesk tabs can be open`);
    const site = request.site ?? siteForUrl(sites, request.url);
    if (site === undefined) throw new DesktopIpcError('FORBIDDEN', 'That address is not a helpdesk Tandem knows or an admin mapped');
    const config = sites[site];
    if (hostRole(config, request.url) === undefined) {
      throw new DesktopIpcError('FORBIDDEN', `That address is not one of ${config.label}'s hosts`);
    }
    hardenPartition(config);
    const events: HelpdeskTabEvents = {
      onChange: announce,
      onDraftOutcome: (outcome) => toConsole(HELPDESK_CONSOLE_EVENTS.draftOutcome, { tabId: tab.tabId, ...outcome }),
      openSibling: (url) => {
        try {
          open({ url, site });
        } catch (error) {
          log({ msg: 'sibling tab not opened', site, reason: error instanceof Error ? error.message : String(error) });
        }
      },
      onRefused: (detail) => log({ msg: 'helpdesk page refused', site, ...detail }),
    };
    const tab = createHelpdeskTab(config, request.url, preloadPath, events);
    tabs.set(tab.tabId, tab);
    window.contentView.addChildView(tab.view);
    show(tab.tabId);
    announce();
    return tab.summary();
  };

  const find = (tabId: string) => {
    const tab = tabs.get(tabId);
    if (tab === undefined) throw new DesktopIpcError('NOT_FOUND', 'No such helpdesk tab');
    return tab;
  };

  const close = (tabId: string) => {
    const tab = find(tabId);
    tabs.delete(tabId);
    window.contentView.removeChildView(tab.view);
    tab.destroy();
    if (activeTabId === tabId) show([...tabs.keys()].at(-1) ?? null);
    announce();
  };

  const onResize = () => relayout();
  window.on('resize', onResize);
  window.once('closed', () => {
    for (const tab of tabs.values()) tab.destroy();
    tabs.clear();
  });

  return {
    list,
    open,
    activate(tabId) {
      if (tabId !== null) find(tabId);
      show(tabId);
      announce();
    },
    close,
    insert: async (tabId, draftId, text) => find(tabId).insert(draftId, text),
    setLayout(next) {
      layout = next;
      relayout();
    },
    closeAll() {
      for (const tabId of [...tabs.keys()]) close(tabId);
      window.off('resize', onResize);
    },
  };
}
