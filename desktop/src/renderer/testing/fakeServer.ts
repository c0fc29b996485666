/**
 * A fake Tandem tRPC endpoint for renderer tests: answers httpBatchLink requests the way the real
 * server does (batch arrays, Tandem error data, 401 for a bad token), through a stubbed fetch.
 */
import type { HealthStatus, SessionInfo } from '@tandem/shared';

export const GOOD_TOKEN = 'tdm_good_token_0123456789abcdef';

export const sessionInfo: SessionInfo = {
  limits: { maxUploadBytes: 25 * 1024 * 1024 },
  workspace: { id: 'acme', name: 'Acme Support', createdAt: '2025-01-15T09:30:00.000Z' },
  principal: { tokenId: 'tok_1', tenantId: 'acme', name: 'Dana Lead', role: 'lead' },
  serverVersion: '0.1.0',
};

export const healthyStatus: HealthStatus = {
  status: 'ok',
  version: '0.1.0',
  uptimeSeconds: 3725,
  storage: 'pglite',
  components: [{ name: 'storage', ok: true, detail: 'pglite answered in 0.4 ms' }],
};

export interface FakeServer {
  fetch: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
  requests: { url: string; authorization: string | null }[];
  /** Each procedure call by path, e.g. 'health.status'. */
  calls(path: string): number;
  health: HealthStatus;
  session: SessionInfo;
  acceptedToken: string;
  unreachable: boolean;
}

export function createFakeServer(): FakeServer {
  const counts = new Map<string, number>();
  const server: FakeServer = {
    requests: [],
    calls: (path) => counts.get(path) ?? 0,
    health: healthyStatus,
    session: sessionInfo,
    acceptedToken: GOOD_TOKEN,
    unreachable: false,
    async fetch(input, init) {
      if (server.unreachable) throw new TypeError('Failed to fetch');
      const url = new URL(input instanceof Request ? input.url : String(input));
      const authorization = new Headers(init?.headers).get('authorization');
      server.requests.push({ url: url.toString(), authorization });
      const paths = decodeURIComponent(url.pathname.replace(/^.*\/trpc\//, '')).split(',');
      const authorized = authorization === `Bearer ${server.acceptedToken}`;
      const results = paths.map((path) => {
        counts.set(path, (counts.get(path) ?? 0) + 1);
        if (!authorized) return unauthorized(path);
        if (path === 'session.get') return { result: { data: server.session } };
        if (path === 'health.status') return { result: { data: server.health } };
        return { error: { message: 'No such procedure', code: -32004, data: { code: 'NOT_FOUND', httpStatus: 404, path } } };
      });
      return new Response(JSON.stringify(results), {
        status: authorized ? 200 : 401,
        headers: { 'content-type': 'application/json' },
      });
    },
  };
  return server;
}

function unauthorized(path: string) {
  const message = 'A valid API token is required (Authorization: Bearer <token>)';
  return {
    error: {
      message,
      code: -32001,
      data: { code: 'UNAUTHORIZED', httpStatus: 401, path, tandem: { code: 'UNAUTHORIZED', message, requestId: 'req-1' } },
    },
  };
}
