/**
 * Site adapter for Salesforce cases. Lightning pages (the Service Console and standard navigation)
 * are read by salesforceLightning.ts, only the console tab on screen and never a background one;
 * Classic case detail pages by salesforceClassic.ts. Both hand their conversation to
 * salesforceConversation.ts, which decides each message's author role by identity
 * (salesforceParties.ts over authorRoles.ts). Every selector is in salesforceSelectors.ts, every
 * UI word the reader needs in salesforceLabels.ts.
 */
import type { TicketReadResult } from '@tandem/shared/ticket-reading';
import { readClassic } from './salesforceClassic';
import { consoleScope, readLightning } from './salesforceLightning';
import { CLASSIC, LIGHTNING } from './salesforceSelectors';
import { notATicketPage, type SiteAdapter, type TicketPageReader, type TicketReadOptions } from './siteAdapter';
import { isOwnHost } from './siteHosts';
import { salesforceSite } from './sites/salesforce';
import { optionalPageUrl } from './ticketFields';

function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** A Lightning address, or Lightning markup on a page saved or served elsewhere. */
function isLightningPage(doc: Document, url: URL): boolean {
  return url.pathname.startsWith('/lightning/') || doc.querySelector(LIGHTNING.anyLightningMarkup) !== null;
}

function isClassicPage(doc: Document): boolean {
  return doc.querySelector(CLASSIC.anyClassicMarkup) !== null;
}

export const readSalesforceTicket: TicketPageReader = (doc: Document, url: string, options?: TicketReadOptions): TicketReadResult => {
  const parsed = parseUrl(url);
  if (parsed === undefined) return notATicketPage('The page URL could not be parsed');
  if (options?.anyHost !== true && !isOwnHost(salesforceSite.hosts, parsed.hostname)) return notATicketPage('Not a Salesforce page');
  const pageUrl = optionalPageUrl(url);
  if (isLightningPage(doc, parsed)) return readLightning(doc, parsed, pageUrl);
  if (isClassicPage(doc)) return readClassic(doc, parsed, pageUrl);
  return notATicketPage('No Salesforce case layout on this page');
};

/** The case feed's reply box in the console tab on screen (or the page, outside the console); none when that tab is unclear. */
export function findSalesforceComposer(doc: Document): HTMLElement | null {
  const scope = consoleScope(doc);
  if (scope === undefined) return null;
  for (const selector of LIGHTNING.composers) {
    const composer = scope.querySelector<HTMLElement>(selector);
    if (composer !== null) return composer;
  }
  return null;
}

export const salesforceAdapter: SiteAdapter<'salesforce'> = {
  ...salesforceSite,
  signature: `${LIGHTNING.signature}, ${CLASSIC.signature}`,
  read: readSalesforceTicket,
  findComposer: findSalesforceComposer,
};
