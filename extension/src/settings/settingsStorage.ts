/**
 * Reads, writes and watches the agent's settings in `chrome.storage.local`, so the options page
 * and the side panel agree on one source of truth.
 */
import { SETTINGS_KEYS, type ExtensionSettings } from './settings';
import { watchLocalKeys } from './watchLocalKeys';

const settingsKeys: string[] = Object.values(SETTINGS_KEYS);

/** The raw stored values; callers validate them with the settings schema. */
export async function readStoredSettings(): Promise<Record<string, unknown>> {
  return chrome.storage.local.get(settingsKeys);
}

export async function writeSettings(settings: ExtensionSettings): Promise<void> {
  await chrome.storage.local.set({
    [SETTINGS_KEYS.serverUrl]: settings.serverUrl,
    [SETTINGS_KEYS.apiToken]: settings.apiToken,
  });
}

/** Calls `onChange` whenever a settings key changes in any context; returns the unsubscribe. */
export function watchSettings(onChange: () => void): () => void {
  return watchLocalKeys(settingsKeys, onChange);
}
