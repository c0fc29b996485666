/**
 * The CLI's connection to a running Tandem server: URL and token from flags, the environment,
 * or the admin token `npm start` saved in the data directory.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import { EventSource } from 'eventsource';
import type { AppRouter } from '../trpc/appRouter.js';

export interface ServerTarget {
  url: string;
  token: string;
}

export async function resolveServerTarget(
  flags: { server?: string | undefined; token?: string | undefined },
  env = process.env,
): Promise<ServerTarget> {
  const url = (flags.server ?? env.TANDEM_URL ?? `http://127.0.0.1:${env.TANDEM_PORT ?? '8787'}`).replace(/\/+$/, '');
  let token = flags.token ?? env.TANDEM_TOKEN;
  if (token === undefined) {
    const file = path.resolve(env.TANDEM_DATA_DIR ?? '.data', 'admin-token');
    token = (await readFile(file, 'utf8').catch(() => '')).trim() || undefined;
  }
  if (token === undefined)
    throw new Error('No API token: pass --token, set TANDEM_TOKEN, or run from the folder where `npm start` created .data/admin-token');
  return { url, token };
}

export function serverClient(target: ServerTarget) {
  const headers = { authorization: `Bearer ${target.token}` };
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({
          url: `${target.url}/trpc`,
          EventSource,
          eventSourceOptions: () => ({ fetch: (input, init) => fetch(input, { ...init, headers: { ...init?.headers, ...headers } }) }),
        }),
        false: httpBatchLink({ url: `${target.url}/trpc`, headers, maxURLLength: 4000 }),
      }),
    ],
  });
}
export type ServerClient = ReturnType<typeof serverClient>;
