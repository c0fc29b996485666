/**
 * Opens an http(s) link in a new tab from wherever the panel runs: the extension's side panel has
 * `chrome.tabs` (a new tab beside the helpdesk), the desktop Copilot screen has `window.open`.
 * The panel package has no `chrome` types on purpose, so the API is looked up, not assumed.
 */
interface TabsApi {
  create(options: { url: string }): unknown;
}

function extensionTabs(): TabsApi | undefined {
  const chromeApi = (globalThis as { chrome?: { tabs?: Partial<TabsApi> } }).chrome;
  const create = chromeApi?.tabs?.create;
  return typeof create === 'function' ? { create: (options) => create.call(chromeApi?.tabs, options) } : undefined;
}

/** Opens `url` when it is http(s); anything else is ignored. */
export function openLink(url: string | undefined): void {
  if (url === undefined || !/^https?:\/\//i.test(url)) return;
  const tabs = extensionTabs();
  if (tabs !== undefined) void Promise.resolve(tabs.create({ url })).catch(() => undefined);
  else window.open(url, '_blank', 'noopener,noreferrer');
}
