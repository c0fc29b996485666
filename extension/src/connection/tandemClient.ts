/**
 * The typed tRPC client the side panel talks to the server with. Only the AppRouter *type*
 * crosses from the server package (lint enforces it); the bearer token goes on every request,
 * queries and mutations batched over HTTP, subscriptions (draft streams) over server-sent events.
 */
import type { AppRouter } from '@tandem/server/app-router';
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import { EventSource, type FetchLike } from 'eventsource';
import { trpcEndpoint, type ExtensionSettings } from '../settings/settings';

export type TandemClient = ReturnType<typeof createTRPCClient<AppRouter>>;

/** An HTTP error whose body is not tRPC's JSON (a proxy's login page, a gateway error). */
export class NonTrpcResponseError extends Error {
  constructor(readonly httpStatus: number) {
    super(`The server answered ${httpStatus} without a Tandem response`);
    this.name = 'NonTrpcResponseError';
  }
}

/** Keeps the HTTP status when the body is not JSON; tRPC alone would report only a JSON parse error. */
const fetchKeepingStatus: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  const isJson = response.headers.get('content-type')?.includes('json') ?? false;
  if (!response.ok && !isJson) throw new NonTrpcResponseError(response.status);
  return response;
};

/**
 * The fetch the `eventsource` package streams with. A browser's own EventSource cannot send
 * headers, so the token would have to go in the URL (and into every proxy log); this ponyfill
 * lets the Authorization header travel as it does for every other call.
 */
export function fetchWithAuthorization(apiToken: string): FetchLike {
  // globalThis.fetch is read per call, not captured: tests stub it, and it must be called unbound.
  return (url, init) => globalThis.fetch(url, { ...init, headers: { ...init.headers, Authorization: `Bearer ${apiToken}` } });
}

export function createTandemClient(settings: ExtensionSettings): TandemClient {
  const url = trpcEndpoint(settings.serverUrl);
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        // The link resumes a dropped stream itself, sending the last tracked event id it saw.
        true: httpSubscriptionLink({
          url,
          EventSource,
          eventSourceOptions: () => ({ fetch: fetchWithAuthorization(settings.apiToken) }),
        }),
        false: httpBatchLink({
          url,
          headers: () => ({ Authorization: `Bearer ${settings.apiToken}` }),
          fetch: fetchKeepingStatus,
        }),
      }),
    ],
  });
}

/** `session.get` over a fresh client, so a settings change never reuses the old token. */
export function fetchSession(settings: ExtensionSettings, signal: AbortSignal) {
  return createTandemClient(settings).session.get.query(undefined, { signal });
}
