/**
 * Everything a Tandem content script does on a helpdesk page, for one site (gmail.ts, zendesk.ts,
 * salesforce.ts: `siteScript(adapter)`) or for "auto" (loopback fixture pages and admin-mapped
 * hosts, where the host mappings and the page's markup pick the adapter: `autoScript()`): obey the
 * agent's enabled-sites setting, watch the open ticket, and answer the side panel's `draft.insert`.
 * A site switched off does nothing at all; switching it back on (or off) in the options takes
 * effect without a reload. Nothing here pulls zod or a reader the script does not need.
 */
import { mappedSiteForHost } from '../adapters/siteHosts';
import type { TicketPageReader } from '../adapters/siteAdapter';
import { listenForDraftInserts } from '../composer/listenForDraftInserts';
import type { SiteSettings } from '../settings/siteSettings';
import { DEFAULT_SITE_SETTINGS, isSiteEnabled } from '../settings/siteSettingsReading';
import { readSiteSettings, watchSiteSettings } from '../settings/siteSettingsStorage';
import type { ContentScriptSite, PageSites } from './pageSites';
import { isExtensionContextGone, sendToBackground } from './sendToBackground';
import { TICKET_MARK_ATTRIBUTE, watchTicketPage } from './watchTicketPage';

export type { ContentScriptSite } from './pageSites';

/** Shared by every Tandem script in this page's isolated world: a host matched twice is run once. */
const RUNNING_FLAG = '__tandemContentScript';

function claimPage(): boolean {
  const scope = globalThis as { [RUNNING_FLAG]?: boolean };
  if (scope[RUNNING_FLAG] === true) return false;
  scope[RUNNING_FLAG] = true;
  return true;
}

/** Whether the script should be active under `settings`: its own site on, or (auto) the host not mapped to a site that is off. */
export function shouldRun(site: ContentScriptSite, settings: SiteSettings, hostname: string): boolean {
  if (site !== 'auto') return isSiteEnabled(settings, site);
  const mapped = mappedSiteForHost(hostname, settings.hostMappings);
  return mapped === undefined || mapped === 'auto' || isSiteEnabled(settings, mapped);
}

export interface RunningContentScript {
  /** Stops watching, answering and following settings (the page keeps its claim: nothing else starts). */
  stop(): void;
}

export function runContentScript(sites: PageSites): RunningContentScript {
  if (!claimPage()) return { stop: () => undefined };
  const site = sites.script;
  let settings: SiteSettings = DEFAULT_SITE_SETTINGS;
  let active: { check(): void; stop(): void } | undefined;
  let unwatchSettings: (() => void) | undefined;

  const pageAdapter = () => sites.adapterFor(document, location.href, settings);
  // The reader looks up the settings on every read, so a change applies at the next check.
  const read: TicketPageReader = (doc, url) => sites.read(doc, url, settings);

  const stopAll = () => {
    active?.stop();
    active = undefined;
    unwatchSettings?.();
    unwatchSettings = undefined;
  };

  const start = () => {
    const watch = watchTicketPage({
      doc: document,
      read,
      currentUrl: () => location.href,
      send: sendToBackground,
      onSendError: () => {
        if (isExtensionContextGone()) stopAll();
      },
    });
    const stopInserts = listenForDraftInserts({
      findComposer: () => pageAdapter()?.findComposer(document) ?? null,
      composerLabel: () => {
        const current = pageAdapter();
        return current === undefined ? 'Reply box' : `${current.label} reply box`;
      },
    });
    active = {
      check: () => void watch.check(),
      stop: () => {
        watch.stop();
        stopInserts();
      },
    };
  };

  const apply = (next: SiteSettings) => {
    settings = next;
    const wanted = shouldRun(site, settings, location.hostname);
    if (wanted && active === undefined) start();
    else if (wanted) active?.check();
    else if (active !== undefined) {
      active.stop();
      active = undefined;
      // Switched off while a ticket was showing: the side panel must not keep offering it.
      document.documentElement.removeAttribute(TICKET_MARK_ATTRIBUTE);
      sendToBackground({ type: 'ticket.closed' }).catch(() => undefined);
    }
  };

  const refresh = () => {
    if (isExtensionContextGone()) {
      stopAll();
      return;
    }
    readSiteSettings().then(apply, () => apply(settings));
  };

  unwatchSettings = watchSiteSettings(refresh);
  refresh();
  return { stop: stopAll };
}
