/**
 * Reads, writes and watches the site settings (enabled sites, host mappings) in
 * `chrome.storage.local`: the options page writes them, the background and content scripts obey.
 */
import type { SiteSettings } from './siteSettings';
import { SITE_SETTINGS_KEYS, siteSettingsFromStorage } from './siteSettingsReading';
import { watchLocalKeys } from './watchLocalKeys';

const siteSettingsKeys: string[] = Object.values(SITE_SETTINGS_KEYS);

export async function readSiteSettings(): Promise<SiteSettings> {
  return siteSettingsFromStorage(await chrome.storage.local.get(siteSettingsKeys));
}

export async function writeSiteSettings(settings: SiteSettings): Promise<void> {
  await chrome.storage.local.set({
    [SITE_SETTINGS_KEYS.enabledSites]: settings.enabledSites,
    [SITE_SETTINGS_KEYS.hostMappings]: settings.hostMappings,
  });
}

/** Calls `onChange` whenever a site-settings key changes in any context; returns the unsubscribe. */
export function watchSiteSettings(onChange: () => void): () => void {
  return watchLocalKeys(siteSettingsKeys, onChange);
}
