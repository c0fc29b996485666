/**
 * Wires the helpdesk tabs into the app: reads the admin's host mappings once, registers the
 * console's channels once, and gives each console window its own set of tabs (on macOS the
 * window can be closed and reopened while the app keeps running).
 */
import { ipcMain, type BrowserWindow } from 'electron';
import { DesktopIpcError } from '../ipc/desktopError';
import type { IsAppUrl } from '../ipc/registerIpc';
import { helpdeskPreloadPath } from '../paths';
import { helpdeskSiteConfigs, parseHelpdeskHosts } from './helpdeskSites';
import { createHelpdeskTabs, type HelpdeskTabs } from './helpdeskTabs';
import { helpdeskIpcHandlers, registerHelpdeskIpc } from './registerHelpdeskIpc';

export interface HelpdeskTabsWiring {
  /** Gives `window` its helpdesk tabs; they close with it. */
  attach(window: BrowserWindow): void;
  unregister(): void;
}

export function wireHelpdeskTabs(
  isAppUrl: IsAppUrl,
  env: Record<string, string | undefined> = process.env,
  preloadPath: string = helpdeskPreloadPath,
): HelpdeskTabsWiring {
  const sites = helpdeskSiteConfigs(parseHelpdeskHosts(env.TANDEM_HELPDESK_HOSTS));
  let current: HelpdeskTabs | undefined;
  const tabs = (): HelpdeskTabs => {
    if (current === undefined) throw new DesktopIpcError('UPSTREAM_UNAVAILABLE', 'The console window is not open');
    return current;
  };
  const unregister = registerHelpdeskIpc(ipcMain, helpdeskIpcHandlers(tabs), isAppUrl);
  return {
    attach(window) {
      const attached = createHelpdeskTabs({ window, sites, preloadPath, isAppUrl });
      current = attached;
      window.once('closed', () => {
        if (current === attached) current = undefined;
      });
    },
    unregister,
  };
}
