/**
 * The agent's connection settings (which Tandem server, which API token): their storage keys and
 * the one zod schema every context (options page, side panel, background) validates them with.
 */
import { z } from 'zod';

/** Keys in `chrome.storage.local`; kept flat so other contexts can watch one key at a time. */
export const SETTINGS_KEYS = {
  serverUrl: 'serverUrl',
  apiToken: 'apiToken',
} as const;

export const DEFAULT_SERVER_URL = 'http://127.0.0.1:8787';

export const serverUrlSchema = z
  .string()
  .trim()
  .pipe(z.url({ protocol: /^https?$/, error: 'Server URL must be an http:// or https:// address' }).max(2048, 'Server URL is too long'));

export const apiTokenSchema = z.string().trim().min(1, 'API token is required').max(1000, 'API token is too long');

export const extensionSettingsSchema = z.object({
  serverUrl: serverUrlSchema,
  apiToken: apiTokenSchema,
});
export type ExtensionSettings = z.infer<typeof extensionSettingsSchema>;

/** What the settings form holds before validation: possibly empty, possibly garbage from storage. */
export interface SettingsDraft {
  serverUrl: string;
  apiToken: string;
}

/** Reads a raw `chrome.storage.local` snapshot into form values, falling back to the defaults. */
export function settingsDraftFromStorage(stored: Record<string, unknown>): SettingsDraft {
  const serverUrl = stored[SETTINGS_KEYS.serverUrl];
  const apiToken = stored[SETTINGS_KEYS.apiToken];
  return {
    serverUrl: typeof serverUrl === 'string' && serverUrl !== '' ? serverUrl : DEFAULT_SERVER_URL,
    apiToken: typeof apiToken === 'string' ? apiToken : '',
  };
}

/** Valid settings from a raw storage snapshot, or undefined: the side panel then says "Not configured". */
export function settingsFromStorage(stored: Record<string, unknown>): ExtensionSettings | undefined {
  const parsed = extensionSettingsSchema.safeParse({
    serverUrl: stored[SETTINGS_KEYS.serverUrl],
    apiToken: stored[SETTINGS_KEYS.apiToken],
  });
  return parsed.success ? parsed.data : undefined;
}

/** The origin's match pattern for `chrome.permissions`; match patterns carry no port, so every port is covered. */
export function hostPermissionPattern(serverUrl: string): string {
  const url = new URL(serverUrl);
  return `${url.protocol}//${url.hostname}/*`;
}

/** The manifest grants plain-http loopback up front; any other server needs the agent's consent. */
export function needsHostPermission(serverUrl: string): boolean {
  const url = new URL(serverUrl);
  return !(url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost'));
}

/** The tRPC endpoint under a server URL the agent may have typed with or without a trailing slash or path. */
export function trpcEndpoint(serverUrl: string): string {
  const url = new URL(serverUrl);
  url.search = '';
  url.hash = '';
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/trpc`;
  return url.toString();
}
