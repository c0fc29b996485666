// The connectors' HTTP layer against a local server: deadlines, retries only where safe, no redirects, no leaked secrets.
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConnectorError } from '../actions/actionDefinition.js';
import { startFakeHttpServer, type FakeHttpServer, type FakeReply } from '../../testing/fakeHttpServer.js';
import { callService, redact, type ServiceCall } from './connectorHttp.js';

const SECRET = 'sk_live_do_not_print_me';

let server: FakeHttpServer;
let reply: FakeReply = { status: 200, body: { ok: true } };

beforeAll(async () => {
  server = await startFakeHttpServer(() => reply);
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  reply = { status: 200, body: { ok: true } };
});

const call = (overrides: Partial<ServiceCall> = {}): ServiceCall => ({
  service: 'Example',
  method: 'GET',
  url: new URL('/thing', server.url),
  timeoutMs: 2_000,
  retryable: true,
  secrets: [SECRET],
  describeError: (body) => (typeof body === 'object' && body !== null && 'message' in body ? String(body.message) : undefined),
  ...overrides,
});

async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConnectorError);
  expect((error as ConnectorError).message).not.toContain(SECRET);
  return error as ConnectorError;
}

describe('callService', () => {
  it('returns parsed JSON and sends JSON headers', async () => {
    const answer = await callService(call({ method: 'POST', body: '{"a":1}' }));
    expect(answer).toMatchObject({ status: 200, body: { ok: true } });
    expect(server.requests[0]).toMatchObject({ method: 'POST', path: '/thing', body: { a: 1 } });
    expect(server.requests[0]?.headers['content-type']).toBe('application/json');
    expect(server.requests[0]?.headers.accept).toBe('application/json');
  });

  it('retries a retryable call after a 503 and a 429 with Retry-After, then succeeds', async () => {
    server.failNext({ status: 503, body: { message: 'busy' } });
    server.failNext({ status: 429, headers: { 'retry-after': '0.01' }, body: { message: 'slow down' } });
    const answer = await callService(call(), { attempts: 3, maxWaitMs: 1_000 });
    expect(answer.body).toEqual({ ok: true });
    expect(server.requests).toHaveLength(3);
  });

  it('never retries a call that could repeat an effect', async () => {
    server.failNext({ status: 503, body: { message: 'busy' } });
    const error = await failure(callService(call({ method: 'POST', body: '{}', retryable: false }), { attempts: 3, maxWaitMs: 1_000 }));
    expect(error).toMatchObject({ code: 'UPSTREAM_FAILED', status: 503 });
    expect(server.requests).toHaveLength(1);
  });

  it('does not wait out a Retry-After longer than the policy allows', async () => {
    server.failNext({ status: 429, headers: { 'retry-after': '30' }, body: { message: 'slow down' } });
    const started = Date.now();
    const error = await failure(callService(call(), { attempts: 3, maxWaitMs: 500 }));
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(error).toMatchObject({ code: 'UPSTREAM_FAILED', status: 429 });
    expect(error.message).toContain('retry after 30 s');
    expect(server.requests).toHaveLength(1);
  });

  it.each([
    [401, 'REJECTED'],
    [403, 'REJECTED'],
    [404, 'NOT_FOUND'],
    [409, 'REJECTED'],
    [422, 'REJECTED'],
    [500, 'UPSTREAM_FAILED'],
  ] as const)('maps HTTP %i to %s with the service message, secrets redacted', async (status, code) => {
    reply = { status, body: { message: `nope, token ${SECRET} is wrong` } };
    const error = await failure(callService(call({ retryable: false })));
    expect(error).toMatchObject({ code, status });
    expect(error.message).toContain(`HTTP ${status}`);
    expect(error.message).toContain('[redacted]');
  });

  it('does not follow a redirect', async () => {
    reply = { status: 302, headers: { location: 'https://elsewhere.example/steal' }, body: '' };
    const error = await failure(callService(call({ retryable: false })));
    expect(error).toMatchObject({ code: 'UPSTREAM_FAILED', status: 302 });
    expect(server.requests).toHaveLength(1);
  });

  it('fails with TIMEOUT when the service is too slow', async () => {
    server.stallNext(1_000);
    const error = await failure(callService(call({ timeoutMs: 100, retryable: false })));
    expect(error.code).toBe('TIMEOUT');
  });

  it('rejects with the caller’s reason when the caller aborts', async () => {
    server.stallNext(1_000);
    const controller = new AbortController();
    const reason = new Error('agent closed the ticket');
    setTimeout(() => controller.abort(reason), 50);
    await expect(callService(call({ signal: controller.signal, retryable: false }))).rejects.toBe(reason);
  });

  it('fails with UPSTREAM_FAILED when nothing listens', async () => {
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await failure(callService(call({ url: new URL(`http://127.0.0.1:${port}/x`) }), { attempts: 2, maxWaitMs: 10 }));
    expect(error.code).toBe('UPSTREAM_FAILED');
    expect(error.status).toBeUndefined();
  });

  it('refuses a 2xx body that is not JSON unless text is accepted', async () => {
    reply = { status: 200, body: 'accepted' };
    expect((await failure(callService(call()))).code).toBe('UPSTREAM_FAILED');
    expect((await callService(call({ acceptText: true }))).body).toBe('accepted');
  });
});

describe('redact', () => {
  it('removes every secret and keeps one short line', () => {
    expect(redact(`a ${SECRET}\n b ${SECRET}`, [SECRET])).toBe('a [redacted] b [redacted]');
    expect(redact('x'.repeat(400), []).length).toBeLessThanOrEqual(301);
  });
});
