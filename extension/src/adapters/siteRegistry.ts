/**
 * Which adapter reads a page. Known helpdesk hosts decide first, then an admin's host mappings,
 * then each site's DOM signature (for loopback fixture pages, mapped hosts set to "auto", saved
 * pages in the CLI). A page that matches nothing, or the signatures of more than one site, gets
 * the typed no-ticket result: a wrong ticket is worse than none. The generic reader is never
 * picked here; it runs only when the agent asks for it (`readOnDemand`).
 */
import type { TicketReadResult } from '@tandem/shared/ticket-reading';
import { fixtureAdapter } from './fixtureAdapter';
import { readGenericPage } from './genericAdapter';
import { gmailAdapter } from './gmailAdapter';
import { salesforceAdapter } from './salesforceAdapter';
import { notATicketPage, unreadableLayout, type SiteAdapter } from './siteAdapter';
import { knownSiteForHost, mappedSiteForHost, type DetectableSite, type HostMappingRule } from './siteHosts';
import { zendeskAdapter } from './zendeskAdapter';

/** A site the registry can pick: its adapter object (kept as a name for older callers). */
export type RegisteredSite = SiteAdapter;

/** Every adapter, in the order of the signature checks (it matters only for the list in an ambiguity message). */
const ADAPTERS = [gmailAdapter, zendeskAdapter, salesforceAdapter, fixtureAdapter] as const;

export const SITE_REGISTRY: Readonly<Record<DetectableSite, SiteAdapter>> = {
  gmail: gmailAdapter,
  zendesk: zendeskAdapter,
  salesforce: salesforceAdapter,
  fixture: fixtureAdapter,
};

export const DETECTABLE_SITES: readonly DetectableSite[] = ADAPTERS.map((adapter) => adapter.site);

/** Every site whose DOM signature the page carries. */
export function sitesBySignature(doc: Document): DetectableSite[] {
  return DETECTABLE_SITES.filter((site) => doc.querySelector(SITE_REGISTRY[site].signature) !== null);
}

export interface DetectOptions {
  hostMappings?: readonly HostMappingRule[];
}

export type SiteDetection =
  | {
      kind: 'site';
      site: DetectableSite;
      /** What decided: the site's own domain, an admin mapping, or the page's markup. */
      via: 'host' | 'mapping' | 'signature';
    }
  | { kind: 'none'; result: TicketReadResult };

function bySignature(doc: Document): SiteDetection {
  const sites = sitesBySignature(doc);
  const [site] = sites;
  if (site === undefined) return { kind: 'none', result: notATicketPage('No supported helpdesk layout on this page') };
  if (sites.length > 1) {
    const labels = sites.map((each) => SITE_REGISTRY[each].label).join(', ');
    return { kind: 'none', result: unreadableLayout(`This page looks like more than one helpdesk (${labels}); refusing to guess`) };
  }
  return { kind: 'site', site, via: 'signature' };
}

/** Which site `url` and `doc` belong to, or the no-ticket result to report instead. */
export function detectSite(doc: Document, url: string, options: DetectOptions = {}): SiteDetection {
  let hostname: string;
  try {
    hostname = new URL(url).hostname;
  } catch {
    return { kind: 'none', result: notATicketPage('The page URL could not be parsed') };
  }
  const known = knownSiteForHost(hostname);
  if (known !== undefined) return { kind: 'site', site: known, via: 'host' };
  const mapped = mappedSiteForHost(hostname, options.hostMappings ?? []);
  if (mapped !== undefined && mapped !== 'auto') return { kind: 'site', site: mapped, via: 'mapping' };
  return bySignature(doc);
}

export interface ReadAutoOptions extends DetectOptions {
  /** Sites the agent switched off read as no ticket; everything is on when omitted. */
  isEnabled?: (site: DetectableSite) => boolean;
}

/** Reads the page with the adapter `detectSite` picks; a host it vouched for is read off the site's own domain too. */
export function readTicketAuto(doc: Document, url: string, options: ReadAutoOptions = {}): TicketReadResult {
  const detection = detectSite(doc, url, options);
  if (detection.kind === 'none') return detection.result;
  const entry = SITE_REGISTRY[detection.site];
  if (options.isEnabled !== undefined && !options.isEnabled(detection.site))
    return notATicketPage(`Tandem is switched off for ${entry.label}`);
  return entry.read(doc, url, { anyHost: detection.via !== 'host' });
}

/** The reply box of the page's site, as `detectSite` picks it; null when no site or no open reply box. */
export function findComposerAuto(doc: Document, url: string, options: DetectOptions = {}): HTMLElement | null {
  const detection = detectSite(doc, url, options);
  return detection.kind === 'site' ? SITE_REGISTRY[detection.site].findComposer(doc) : null;
}

/** The agent asked Tandem to read this page anyway: their selection, else the page's main content. */
export function readOnDemand(doc: Document, url: string, selection?: string): TicketReadResult {
  return readGenericPage(doc, url, selection);
}
