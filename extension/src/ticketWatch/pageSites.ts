/**
 * What a content script reads a page with. A site's own script (gmail.ts, zendesk.ts…) carries
 * only its adapter, so its bundle holds one reader; it runs on the site's own hosts (declared in
 * the manifest) and on hosts an admin mapped to that site (registered by the background). The
 * auto-detecting script (loopback pages, 'auto' mappings, autoSites.ts) carries the registry and
 * picks by host mapping and signature.
 */
import type { TicketReadResult } from '@tandem/shared/ticket-reading';
import type { SiteAdapter, TicketReadOptions } from '../adapters/siteAdapter';
import { isOwnHost, mappedSiteForHost, type HelpdeskSite } from '../adapters/siteHosts';
import type { SiteSettings } from '../settings/siteSettings';
import { isSiteEnabled } from '../settings/siteSettingsReading';

export type ContentScriptSite = HelpdeskSite | 'auto';

export interface PageSites {
  /** The script's own helpdesk, or 'auto'. */
  readonly script: ContentScriptSite;
  /** The adapter for the page as it is now (for 'auto': by mapping and signature, and only if that site is on). */
  adapterFor(doc: Document, url: string, settings: SiteSettings): SiteAdapter | undefined;
  /** Reads the page under the current settings (a change applies at the next read). */
  read(doc: Document, url: string, settings: SiteSettings): TicketReadResult;
}

/**
 * How a site's own adapter reads `url`: off the site's own hosts only where the admin mapped this
 * host to this very site (the adapter then skips its host check). Anywhere else the adapter checks
 * the host itself and refuses, so a mapping changed to another site (or removed) while the page
 * was open is not read with this site's reader.
 */
export function siteReadOptions(adapter: SiteAdapter<HelpdeskSite>, url: string, settings: SiteSettings): TicketReadOptions {
  let hostname: string;
  try {
    hostname = new URL(url).hostname;
  } catch {
    return { anyHost: false };
  }
  const mapped = !isOwnHost(adapter.hosts, hostname) && mappedSiteForHost(hostname, settings.hostMappings) === adapter.site;
  return { anyHost: mapped };
}

/** A site's own content script: its adapter, on that site's own hosts and on hosts mapped to it. */
export function siteScript(adapter: SiteAdapter<HelpdeskSite>): PageSites {
  return {
    script: adapter.site,
    adapterFor: (_doc, _url, settings) => (isSiteEnabled(settings, adapter.site) ? adapter : undefined),
    read: (doc, url, settings) => adapter.read(doc, url, siteReadOptions(adapter, url, settings)),
  };
}
