/**
 * The auto-detecting content script's reader (contents/loopbackHelpdesk.ts, also registered for
 * admin-mapped hosts): the host mappings and each site's DOM signature pick the adapter, through
 * the registry; a site the agent switched off reads as no ticket.
 */
import { detectSite, readTicketAuto, SITE_REGISTRY } from '../adapters/siteRegistry';
import { isSiteEnabled } from '../settings/siteSettingsReading';
import type { PageSites } from './pageSites';

export function autoScript(): PageSites {
  return {
    script: 'auto',
    adapterFor: (doc, url, settings) => {
      const detection = detectSite(doc, url, { hostMappings: settings.hostMappings });
      return detection.kind === 'site' && isSiteEnabled(settings, detection.site) ? SITE_REGISTRY[detection.site] : undefined;
    },
    read: (doc, url, settings) =>
      readTicketAuto(doc, url, { hostMappings: settings.hostMappings, isEnabled: (detected) => isSiteEnabled(settings, detected) }),
  };
}
