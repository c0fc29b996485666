/**
 * The typed tRPC client the side panel talks to the server with. Only the AppRouter *type*
 * crosses from the server package (lint enforces it); the bearer token goes on every request.
 */
import type { AppRouter } from '@tandem/server/app-router';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
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

export function createTandemClient(settings: ExtensionSettings): TandemClient {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: trpcEndpoint(settings.serverUrl),
        headers: () => ({ Authorization: `Bearer ${settings.apiToken}` }),
        fetch: fetchKeepingStatus,
      }),
    ],
  });
}

/** `session.get` over a fresh client, so a settings change never reuses the old token. */
export function fetchSession(settings: ExtensionSettings, signal: AbortSignal) {
  return createTandemClient(settings).session.get.query(undefined, { signal });
}
