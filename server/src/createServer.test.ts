import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import { tandemErrorSchema } from '@tandem/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashApiToken } from './security/apiTokens.js';
import { createLogger } from './logging/logger.js';
import { startTestServer, type TestServer } from './testing/testServer.js';
import type { AppRouter } from './trpc/appRouter.js';

function clientFor(url: string, token?: string) {
  return createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: `${url}/trpc`, headers: () => (token === undefined ? {} : { authorization: `Bearer ${token}` }) })],
  });
}

function tandemErrorOf(err: unknown) {
  expect(err).toBeInstanceOf(TRPCClientError);
  const data = (err as TRPCClientError<AppRouter>).data as { tandem?: unknown; httpStatus?: number } | undefined;
  return { status: data?.httpStatus, error: tandemErrorSchema.parse(data?.tandem) };
}

describe('Tandem server over real HTTP', () => {
  let server: TestServer;
  const logLines: string[] = [];
  const logSink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logLines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });

  beforeAll(async () => {
    server = await startTestServer({}, { logger: createLogger('info', logSink) });
  });
  afterAll(() => server.close());

  it('answers the probes', async () => {
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('lets the desktop app origin call the API and no other origin', async () => {
    const preflight = (origin: string) =>
      fetch(`${server.url}/trpc/session.get`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
      });
    const desktop = await preflight('tandem://app');
    expect(desktop.headers.get('access-control-allow-origin')).toBe('tandem://app');
    expect(desktop.headers.get('access-control-allow-headers')).toContain('authorization');
    const stranger = await preflight('https://evil.example');
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('rejects a call without a token with 401 and a typed error', async () => {
    const res = await fetch(`${server.url}/trpc/session.get`);
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: { data: { tandem: unknown } } };
    const error = tandemErrorSchema.parse(body.error.data.tandem);
    expect(error.code).toBe('UNAUTHORIZED');
    expect(error.requestId).toBe(res.headers.get('x-request-id'));

    const err = await clientFor(server.url)
      .session.get.query()
      .catch((e: unknown) => e);
    expect(tandemErrorOf(err)).toMatchObject({ status: 401, error: { code: 'UNAUTHORIZED' } });
  });

  it('rejects a forged token exactly like a missing one', async () => {
    const err = await clientFor(server.url, 'tdm_' + 'A'.repeat(43))
      .session.get.query()
      .catch((e: unknown) => e);
    expect(tandemErrorOf(err)).toMatchObject({ status: 401, error: { code: 'UNAUTHORIZED' } });
  });

  it('signs in with the admin token created on first start', async () => {
    const session = await clientFor(server.url, server.adminToken).session.get.query();
    expect(session.workspace).toMatchObject({ id: 'default', name: 'Demo workspace' });
    expect(session.principal.role).toBe('admin');
    const health = await clientFor(server.url, server.adminToken).health.status.query();
    expect(health).toMatchObject({ status: 'ok', storage: 'pglite' });
  });

  it('stores only the hash of the admin token, and keeps the token in a 0600 file', async () => {
    const rows = await server.store.db.query<{ token_hash: string }>('select token_hash from api_tokens');
    expect(rows.map((r) => r.token_hash)).toContain(hashApiToken(server.adminToken));
    expect(JSON.stringify(rows)).not.toContain(server.adminToken);
    const file = path.join(server.config.dataDir, 'admin-token');
    expect((await readFile(file, 'utf8')).trim()).toBe(server.adminToken);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('rejects invalid input with 400 and the zod issues flattened', async () => {
    const res = await fetch(`${server.url}/trpc/team.createToken`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: '', role: 'overlord' }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { data: { tandem: unknown } } };
    const error = tandemErrorSchema.parse(body.error.data.tandem);
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.issues?.fieldErrors.name?.length).toBeGreaterThan(0);
    expect(error.issues?.fieldErrors.role?.length).toBeGreaterThan(0);
    expect(JSON.stringify(body)).not.toContain('stack');
  });

  it('keeps one workspace out of another', async () => {
    const acmeToken = await server.createTenant('acme', 'Acme Support');
    const acme = clientFor(server.url, acmeToken);
    const demo = clientFor(server.url, server.adminToken);

    const invited = await demo.team.createToken.mutate({ name: 'Grace (agent)', role: 'agent' });
    const demoTokens = await demo.team.listTokens.query();
    expect(demoTokens.map((t) => t.id)).toContain(invited.id);

    const acmeTokens = await acme.team.listTokens.query();
    expect(acmeTokens.map((t) => t.id)).not.toContain(invited.id);
    expect(acmeTokens.every((t) => !demoTokens.some((d) => d.id === t.id))).toBe(true);
    expect((await acme.session.get.query()).workspace.id).toBe('acme');

    const err = await acme.team.revokeToken.mutate({ id: invited.id }).catch((e: unknown) => e);
    expect(tandemErrorOf(err)).toMatchObject({ status: 404, error: { code: 'NOT_FOUND' } });
    expect((await clientFor(server.url, invited.token).session.get.query()).workspace.id).toBe('default');
  });

  it('enforces roles and makes a revoked token useless', async () => {
    const demo = clientFor(server.url, server.adminToken);
    const agent = await demo.team.createToken.mutate({ name: 'Temp agent', role: 'agent' });
    const asAgent = clientFor(server.url, agent.token);
    const forbidden = await asAgent.team.createToken.mutate({ name: 'x', role: 'admin' }).catch((e: unknown) => e);
    expect(tandemErrorOf(forbidden)).toMatchObject({ status: 403, error: { code: 'FORBIDDEN' } });

    await demo.team.revokeToken.mutate({ id: agent.id });
    const revoked = await asAgent.session.get.query().catch((e: unknown) => e);
    expect(tandemErrorOf(revoked)).toMatchObject({ status: 401 });
  });

  it('logs every request with its id and never the token', async () => {
    const res = await fetch(`${server.url}/trpc/session.get?input=${encodeURIComponent('{"email":"ada@example.com"}')}`, {
      headers: { authorization: `Bearer ${server.adminToken}`, 'x-request-id': 'req-test-12345' },
    });
    expect(res.headers.get('x-request-id')).toBe('req-test-12345');
    const mine = logLines.filter((l) => l.includes('req-test-12345'));
    expect(mine.length).toBeGreaterThan(0);
    const all = logLines.join('\n');
    expect(all).not.toContain(server.adminToken);
    expect(all).not.toContain('ada@example.com');
  });
});

describe('console route', () => {
  it('serves the built console with an SPA fallback', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'tandem-console-'));
    await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>Tandem console</title>');
    const server = await startTestServer({ TANDEM_CONSOLE_DIR: dir });
    try {
      const res = await fetch(`${server.url}/console/`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('Tandem console');
      const deep = await fetch(`${server.url}/console/team/members`);
      expect(deep.status).toBe(200);
      expect(await deep.text()).toContain('Tandem console');
    } finally {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('says how to build the console when it is missing', async () => {
    const server = await startTestServer({ TANDEM_CONSOLE_DIR: '/nonexistent/tandem-console' });
    try {
      const res = await fetch(`${server.url}/console/`);
      expect(res.status).toBe(503);
      expect(await res.text()).toMatch(/not built/);
    } finally {
      await server.close();
    }
  });
});
