/**
 * Every `session.get` outcome maps to exactly one of the panel's four connection states, checked
 * both on hand-made error shapes and through the real tRPC client against a stubbed fetch.
 */
import type { SessionInfo } from '@tandem/shared';
import { TRPCClientError } from '@trpc/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ExtensionSettings } from '../settings/settings';
import { checkConnection } from './checkConnection';
import { CONNECTION_LABELS, connectionStateFromError } from './connectionState';
import { fetchSession } from './tandemClient';

const SETTINGS: ExtensionSettings = { serverUrl: 'http://127.0.0.1:8787/', apiToken: 'tdm_secret' };

const SESSION: SessionInfo = {
  workspace: { id: 'acme', name: 'Acme Support', createdAt: '2026-11-01T09:00:00.000Z' },
  principal: { tokenId: 'tok_1', tenantId: 'acme', name: 'Ada', role: 'agent' },
  serverVersion: '0.1.0',
  limits: { maxUploadBytes: 26_214_400 },
};

function trpcErrorBody(code: string, httpStatus: number, message: string) {
  return [{ error: { message, code: -32001, data: { code, httpStatus, path: 'session.get' } } }];
}

function jsonResponse(body: unknown, status: number): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('connection labels', () => {
  it('are the exact words the panel shows', () => {
    expect(CONNECTION_LABELS).toEqual({
      connected: 'Connected',
      'not-configured': 'Not configured',
      'signed-out': 'Signed out (token rejected)',
      unreachable: 'Server unreachable',
    });
  });
});

describe('connectionStateFromError', () => {
  it('treats a tRPC UNAUTHORIZED as signed out', () => {
    expect(connectionStateFromError({ message: 'nope', data: { code: 'UNAUTHORIZED', httpStatus: 401 } }).kind).toBe('signed-out');
  });

  it('treats a bare HTTP 401 without tRPC data (a proxy) as signed out', () => {
    expect(connectionStateFromError({ message: 'Unauthorized', data: undefined, meta: { response: { status: 401 } } }).kind).toBe(
      'signed-out',
    );
  });

  it('treats a network failure as unreachable', () => {
    const error = TRPCClientError.from(new TypeError('Failed to fetch'));
    expect(connectionStateFromError(error)).toEqual({ kind: 'unreachable', detail: 'Failed to fetch' });
  });

  it('treats a server error as unreachable and says which', () => {
    expect(connectionStateFromError({ message: 'x', data: { code: 'INTERNAL_SERVER_ERROR', httpStatus: 500 } })).toEqual({
      kind: 'unreachable',
      detail: 'The server answered 500 (INTERNAL_SERVER_ERROR)',
    });
  });

  it('treats something that is not an error at all as unreachable', () => {
    expect(connectionStateFromError(null).kind).toBe('unreachable');
    expect(connectionStateFromError('boom').kind).toBe('unreachable');
  });
});

describe('checkConnection through the real tRPC client', () => {
  it('says not configured without settings, and makes no request', async () => {
    const fetchStub = vi.fn<typeof fetch>();
    vi.stubGlobal('fetch', fetchStub);

    expect(await checkConnection(undefined, fetchSession)).toEqual({ kind: 'not-configured' });
    expect(fetchStub).not.toHaveBeenCalled();
  });

  it('connects with the bearer token to /trpc and returns the session', async () => {
    const fetchStub = vi.fn<typeof fetch>(async () => jsonResponse([{ result: { data: SESSION } }], 200));
    vi.stubGlobal('fetch', fetchStub);

    const state = await checkConnection(SETTINGS, fetchSession);

    expect(state).toEqual({ kind: 'connected', session: SESSION });
    const [url, init] = fetchStub.mock.calls[0]!;
    expect(String(url)).toMatch(/^http:\/\/127\.0\.0\.1:8787\/trpc\/session\.get\?batch=1/);
    expect(new Headers(init?.headers).get('authorization')).toBe('Bearer tdm_secret');
  });

  it('says signed out when the server rejects the token', async () => {
    vi.stubGlobal('fetch', async () => jsonResponse(trpcErrorBody('UNAUTHORIZED', 401, 'A valid API token is required'), 401));

    expect((await checkConnection(SETTINGS, fetchSession)).kind).toBe('signed-out');
  });

  it('says signed out for a 401 that is not JSON', async () => {
    vi.stubGlobal('fetch', async () => new Response('<html>login</html>', { status: 401, headers: { 'content-type': 'text/html' } }));

    expect((await checkConnection(SETTINGS, fetchSession)).kind).toBe('signed-out');
  });

  it('says unreachable when nothing listens', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });

    expect((await checkConnection(SETTINGS, fetchSession)).kind).toBe('unreachable');
  });

  it('says unreachable for a gateway error page', async () => {
    vi.stubGlobal('fetch', async () => new Response('Bad gateway', { status: 502 }));

    expect(await checkConnection(SETTINGS, fetchSession)).toEqual({ kind: 'unreachable', detail: 'The server answered 502' });
  });

  it('says unreachable when the server never answers', async () => {
    vi.stubGlobal(
      'fetch',
      (_url: string, init?: RequestInit) =>
        new Promise<Response>((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
        }),
    );

    expect((await checkConnection(SETTINGS, fetchSession, 50)).kind).toBe('unreachable');
  });
});
