/**
 * What a content script reads a page with. A site's own script (gmail.ts, zendesk.ts…) carries
 * only its adapter, so its bundle holds one reader; the auto-detecting script (loopback pages,
 * admin-mapped hosts, autoSites.ts) carries the registry and picks by host mapping and signature.
 */
import type { TicketReadResult } from '@tandem/shared/ticket-reading';
import type { SiteAdapter } from '../adapters/siteAdapter';
import type { HelpdeskSite } from '../adapters/siteHosts';
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

/** A site's own content script: its adapter, on that site's own hosts. */
export function siteScript(adapter: SiteAdapter<HelpdeskSite>): PageSites {
  return {
    script: adapter.site,
    adapterFor: (_doc, _url, settings) => (isSiteEnabled(settings, adapter.site) ? adapter : undefined),
    read: (doc, url) => adapter.read(doc, url),
  };
}
