/**
 * Watching keys of `chrome.storage.local` from any context. Its own module so content scripts,
 * which watch only the site settings, never bundle the code that reads the API token.
 */
/** Calls `onChange` whenever one of `keys` changes in `chrome.storage.local`, in any context; returns the unsubscribe. */
export function watchLocalKeys(keys: readonly string[], onChange: () => void): () => void {
  const listener = (changes: Record<string, chrome.storage.StorageChange>, areaName: string) => {
    if (areaName === 'local' && keys.some((key) => key in changes)) onChange();
  };
  chrome.storage.onChanged.addListener(listener);
  return () => chrome.storage.onChanged.removeListener(listener);
}
