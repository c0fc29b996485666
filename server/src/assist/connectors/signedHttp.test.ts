// The signed HTTP action target: a receiver can verify what Tandem sent and detect any change to it.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConnectorError } from '../actions/actionDefinition.js';
import { startFakeHttpServer, type FakeHttpServer, type FakeReply, type RecordedRequest } from '../../testing/fakeHttpServer.js';
import { SignedHttpClient, signatureHeader, verifySignature } from './signedHttp.js';

const SECRET = 'whsec_tandem_test_secret_0123456789';

let receiver: FakeHttpServer;
/** What the receiver concluded about each request it got. */
let checks: ReturnType<typeof verifySignature>[] = [];
let reply: FakeReply = { status: 200, body: { received: true } };

beforeAll(async () => {
  // A receiver as a customer would write it: verify the raw body before trusting anything in it.
  receiver = await startFakeHttpServer((request: RecordedRequest) => {
    const header = request.headers['tandem-signature'];
    const check = verifySignature(SECRET, typeof header === 'string' ? header : undefined, request.rawBody);
    checks.push(check);
    return check.ok ? reply : { status: 401, body: { error: `bad signature: ${check.reason}` } };
  });
});
afterAll(() => receiver.close());
beforeEach(() => {
  receiver.requests.length = 0;
  checks = [];
  reply = { status: 200, body: { received: true } };
});

const client = (secret = SECRET): SignedHttpClient =>
  new SignedHttpClient({ url: `${receiver.url}/hooks/tandem`, secret, retry: { attempts: 2, maxWaitMs: 100 } });

describe('SignedHttpClient.post', () => {
  it('sends JSON with an Idempotency-Key and a signature the receiver verifies', async () => {
    const result = await client().post({ event: 'ticket.escalated', payload: { ticketId: 'T-88' } }, { idempotencyKey: 'idem-0001' });
    expect(result).toEqual({ status: 200, body: { received: true } });
    const request = receiver.requests[0];
    expect(request?.path).toBe('/hooks/tandem');
    expect(request?.headers['idempotency-key']).toBe('idem-0001');
    expect(request?.headers['tandem-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(request?.body).toEqual({ event: 'ticket.escalated', payload: { ticketId: 'T-88' } });
    expect(checks[0]?.ok).toBe(true);
  });

  it('is refused by a receiver holding another secret', async () => {
    const error = await client('another_secret_of_16_chars_or_more')
      .post({ a: 1 }, { idempotencyKey: 'idem-0002' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error).toMatchObject({ code: 'REJECTED', status: 401 });
    expect(checks[0]).toEqual({ ok: false, reason: 'mismatch' });
    expect((error as ConnectorError).message).not.toContain('another_secret');
  });

  it('retries a 503 with the same key and signature', async () => {
    receiver.failNext({ status: 503, body: { error: 'down' } });
    await client().post({ a: 1 }, { idempotencyKey: 'idem-0003' });
    expect(receiver.requests).toHaveLength(2);
    expect(receiver.requests[1]?.headers['idempotency-key']).toBe('idem-0003');
    expect(receiver.requests[1]?.headers['tandem-signature']).toBe(receiver.requests[0]?.headers['tandem-signature']);
  });

  it('accepts a receiver that answers plain text', async () => {
    reply = { status: 202, body: 'queued' };
    expect(await client().post({ a: 1 }, { idempotencyKey: 'idem-0004' })).toEqual({ status: 202, body: 'queued' });
  });

  it('refuses a URL with credentials, a non-http URL and a short secret', () => {
    expect(() => new SignedHttpClient({ url: 'https://user:pw@hooks.example/x', secret: SECRET })).toThrow(ConnectorError);
    expect(() => new SignedHttpClient({ url: 'file:///etc/passwd', secret: SECRET })).toThrow(ConnectorError);
    expect(() => new SignedHttpClient({ url: 'https://hooks.example/x', secret: 'short' })).toThrow(ConnectorError);
  });
});

describe('verifySignature', () => {
  const body = JSON.stringify({ event: 'order.refunded', amount: 25 });
  const now = 1_760_000_000;
  const header = signatureHeader(SECRET, now, body);

  it('accepts the exact body within the tolerance', () => {
    expect(verifySignature(SECRET, header, body, { nowSeconds: now + 60 })).toEqual({ ok: true, timestamp: now });
  });

  it('detects a changed body, a changed timestamp and a wrong secret', () => {
    expect(verifySignature(SECRET, header, body.replace('25', '2500'), { nowSeconds: now })).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifySignature(SECRET, header.replace(`t=${now}`, `t=${now + 1}`), body, { nowSeconds: now })).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    expect(verifySignature('some_other_secret_value', header, body, { nowSeconds: now })).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('refuses an old signature, so a captured request cannot be replayed later', () => {
    expect(verifySignature(SECRET, header, body, { nowSeconds: now + 301 })).toEqual({ ok: false, reason: 'stale' });
  });

  it('refuses a missing or malformed header', () => {
    expect(verifySignature(SECRET, undefined, body)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifySignature(SECRET, 'v1=abc', body, { nowSeconds: now })).toEqual({ ok: false, reason: 'malformed' });
  });

  it('accepts any of several v1 signatures, for secret rotation', () => {
    const rotated = `${signatureHeader('the_old_secret_value_1234', now, body)},v1=${header.split('v1=')[1] ?? ''}`;
    expect(verifySignature(SECRET, rotated, body, { nowSeconds: now }).ok).toBe(true);
  });
});
