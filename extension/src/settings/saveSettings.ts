/**
 * Saves validated settings, first asking the browser for access to a server that is not on this
 * machine. Chrome grants a permission prompt only during the click that caused it, so this must
 * be the first thing the click handler awaits.
 */
import { hostPermissionPattern, needsHostPermission, type ExtensionSettings } from './settings';
import { writeSettings } from './settingsStorage';

export type SaveOutcome = { ok: true } | { ok: false; message: string };

export async function saveSettings(settings: ExtensionSettings): Promise<SaveOutcome> {
  if (needsHostPermission(settings.serverUrl)) {
    const origin = hostPermissionPattern(settings.serverUrl);
    const granted = await chrome.permissions.request({ origins: [origin] });
    if (!granted) return { ok: false, message: `Not saved: Tandem needs permission to reach ${new URL(settings.serverUrl).host}` };
  }
  await writeSettings(settings);
  return { ok: true };
}
