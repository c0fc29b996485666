/**
 * Keeps Chrome's registered content scripts in step with the admin's host mappings (a mapped
 * site's own script, or the auto-detecting one for 'auto'): at start, and whenever the mappings
 * or the granted host permissions change. Syncs run one at a time (two
 * overlapping ones would register the same id twice), and the outcome of the last one is kept in
 * session storage for anyone debugging why a mapped host is not read.
 */
import { readSiteSettings } from '../settings/siteSettingsStorage';
import { matchPatternFor } from '../settings/siteSettings';
import { diffRegistrations, manifestScriptFiles, wantedRegistrations, type ScriptRegistration } from './contentScriptRegistrations';

export const SYNC_STATUS_KEY = 'mappedHostScripts';

async function grantedPatterns(patterns: readonly string[]): Promise<Set<string>> {
  const granted = await Promise.all(
    patterns.map(async (pattern) => ((await chrome.permissions.contains({ origins: [pattern] })) ? pattern : undefined)),
  );
  return new Set(granted.filter((pattern): pattern is string => pattern !== undefined));
}

async function syncOnce(): Promise<string[]> {
  const scriptFiles = manifestScriptFiles(chrome.runtime.getManifest());
  if (scriptFiles === undefined) throw new Error('The auto-detecting content script is missing from the manifest');
  const { hostMappings } = await readSiteSettings();
  const granted = await grantedPatterns(hostMappings.map(matchPatternFor));
  const wanted = wantedRegistrations(hostMappings, (pattern) => granted.has(pattern), scriptFiles);
  const existing: ScriptRegistration[] = (await chrome.scripting.getRegisteredContentScripts()).map((script) => ({
    id: script.id,
    matches: script.matches ?? [],
    excludeMatches: script.excludeMatches ?? [],
    js: script.js ?? [],
  }));
  const { unregister, register } = diffRegistrations(existing, wanted);
  if (unregister.length > 0) await chrome.scripting.unregisterContentScripts({ ids: unregister });
  if (register.length > 0) {
    await chrome.scripting.registerContentScripts(
      register.map(({ excludeMatches, ...registration }) => ({
        ...registration,
        // Chrome reads a missing exclusion list as none and reports none back (read as [] above).
        ...(excludeMatches.length > 0 ? { excludeMatches } : {}),
        runAt: 'document_idle' as const,
        allFrames: false,
        persistAcrossSessions: true,
      })),
    );
  }
  return wanted.map((registration) => registration.id);
}

let queue: Promise<void> = Promise.resolve();

/** Queues a sync after any running one. */
export function syncMappedHostScripts(): Promise<void> {
  queue = queue.then(async () => {
    const syncedAt = new Date().toISOString();
    try {
      const registered = await syncOnce();
      await chrome.storage.session.set({ [SYNC_STATUS_KEY]: { ok: true, syncedAt, registered } });
    } catch (error) {
      const message = error instanceof Error ? error.message : 'unknown error';
      await chrome.storage.session.set({ [SYNC_STATUS_KEY]: { ok: false, syncedAt, error: message } }).catch(() => undefined);
    }
  });
  return queue;
}
