/**
 * The console's typed tRPC client for one server and one token. Only the AppRouter *type* comes
 * from the server package; nothing of the server is bundled.
 */
import { createTRPCClient, httpBatchLink, type TRPCClient } from '@trpc/client';
import type { AppRouter } from '@tandem/server/app-router';

export type ConsoleClient = TRPCClient<AppRouter>;

export function createConsoleClient(serverUrl: string, token: string): ConsoleClient {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${serverUrl}/trpc`,
        headers: () => ({ Authorization: `Bearer ${token}` }),
      }),
    ],
  });
}

/**
 * The server's base URL as typed by the user, made canonical (no trailing slash, no query or
 * fragment), or null when it is not an http(s) address.
 */
export function normalizeServerUrl(input: string): string | null {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username !== '' || url.password !== '') return null;
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/** The console served by a Tandem server talks to that same server, so its address is the default. */
export function defaultServerUrl(location: Pick<Location, 'protocol' | 'origin'>): string {
  return location.protocol === 'http:' || location.protocol === 'https:' ? location.origin : '';
}
