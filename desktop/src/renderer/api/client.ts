/**
 * The console's typed tRPC client for one server and one token. Only the AppRouter *type* comes
 * from the server package; nothing of the server is bundled. Subscriptions (the Copilot screen's
 * presence and draft streams) go over server-sent events through the `eventsource` ponyfill,
 * because a browser's own EventSource cannot send the Authorization header and the token must
 * not travel in a URL.
 */
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink, type TRPCClient } from '@trpc/client';
import type { AppRouter } from '@tandem/server/app-router';
import { EventSource, type FetchLike } from 'eventsource';

export type ConsoleClient = TRPCClient<AppRouter>;

/** The fetch the event streams use, with the bearer token; `globalThis.fetch` is read per call (tests stub it). */
function withAuthorization(token: string): FetchLike {
  return (url, init) => globalThis.fetch(url, { ...init, headers: { ...init.headers, Authorization: `Bearer ${token}` } });
}

export function createConsoleClient(serverUrl: string, token: string): ConsoleClient {
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        // The link resumes a dropped stream itself, sending the last tracked event id it saw.
        true: httpSubscriptionLink({
          url: `${serverUrl}/trpc`,
          EventSource,
          eventSourceOptions: () => ({ fetch: withAuthorization(token) }),
        }),
        false: httpBatchLink({
          url: `${serverUrl}/trpc`,
          headers: () => ({ Authorization: `Bearer ${token}` }),
        }),
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
