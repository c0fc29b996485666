/**
 * The DOM-free half of a site adapter: which site it is, how the agent sees it named, the site's
 * own hosts and its content script's match patterns. The background and the options page read
 * these (which hosts are a helpdesk's own) without bundling any page reader.
 */
import type { SupportSite } from '@tandem/shared/ticket-reading';

export interface SiteDescriptor<S extends SupportSite = SupportSite> {
  readonly site: S;
  /** How the agent sees the site named, e.g. in "Tandem is switched off for Gmail". */
  readonly label: string;
  /** The site's own hosts: exact (`mail.google.com`) or any subdomain (`*.zendesk.com`, never the bare domain). */
  readonly hosts: readonly string[];
  /**
   * Chrome match patterns of the site's content script (`https://<host>/*` for each host). Plasmo
   * reads `config.matches` literally from `contents/<site>.ts`, so the patterns are written there
   * too; sites/siteDescriptors.test.ts holds the two (and the built manifest) together.
   */
  readonly matches: readonly string[];
}

/** A site described by its hosts; its match patterns follow from them. */
export function describeSite<const S extends SupportSite>(site: S, label: string, hosts: readonly string[]): SiteDescriptor<S> {
  return { site, label, hosts, matches: hosts.map((host) => `https://${host}/*`) };
}
