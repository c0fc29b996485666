/**
 * Saves validated site settings, first asking the browser for access to every mapped host (the
 * background registers a content script there only once it is granted). Chrome shows the prompt
 * only during the click that caused it, so this must be the first thing the click handler awaits;
 * origins already granted pass without a prompt.
 */
import { matchPatternFor, type SiteSettings } from './siteSettings';
import { writeSiteSettings } from './siteSettingsStorage';
import type { SaveOutcome } from './saveSettings';

export async function saveSiteSettings(settings: SiteSettings): Promise<SaveOutcome> {
  const origins = [...new Set(settings.hostMappings.map(matchPatternFor))];
  if (origins.length > 0) {
    const granted = await chrome.permissions.request({ origins });
    if (!granted) return { ok: false, message: 'Not saved: Tandem needs permission to read the mapped hosts' };
  }
  await writeSiteSettings(settings);
  return { ok: true };
}
