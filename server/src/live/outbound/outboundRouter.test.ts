// live.outbound over real HTTP: admins register endpoints (the secret shown once, private and
// malformed URLs refused), and read a delivery log that never shows a payload or a secret.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverClient, type ServerClient } from '../../cli/serverClient.js';
import { createLogger } from '../../logging/logger.js';
import { startTestServer, type TestServer } from '../../testing/testServer.js';
import { createOutboundWebhooks } from './outboundWebhooks.js';

let server: TestServer;
let admin: ServerClient;
/** A public address literal: accepted without private URLs, and no DNS lookup is needed. */
const PUBLIC_URL = 'https://93.184.215.14/hooks/tandem?channel=support';

beforeAll(async () => {
  server = await startTestServer({ TANDEM_DEMO_STORE: 'false' });
  admin = serverClient({ url: server.url, token: server.adminToken });
});
afterAll(() => server.close());

describe('live.outbound', () => {
  it('registers an endpoint with a secret shown once, and lists it without the secret', async () => {
    const created = await admin.live.outbound.create.mutate({ url: PUBLIC_URL, eventTypes: ['handoff.created', 'alert.fired'] });
    expect(created).toMatchObject({ url: PUBLIC_URL, eventTypes: ['handoff.created', 'alert.fired'] });
    expect(created.secret).toMatch(/^whsec_.{40,}$/);
    const listed = await admin.live.outbound.list.query();
    expect(listed).toEqual([expect.objectContaining({ id: created.id, url: PUBLIC_URL, disabledAt: null })]);
    expect(JSON.stringify(listed)).not.toContain(created.secret);
  });

  it('refuses private addresses (private URLs are not allowed here), other schemes, credentials and unknown types', async () => {
    const badRequest = { data: { tandem: { code: 'BAD_REQUEST' } } };
    await expect(
      admin.live.outbound.create.mutate({ url: 'http://127.0.0.1:8080/hook', eventTypes: ['alert.fired'] }),
    ).rejects.toMatchObject(badRequest);
    await expect(admin.live.outbound.create.mutate({ url: 'http://localhost/hook', eventTypes: ['alert.fired'] })).rejects.toThrow(
      /private/,
    );
    await expect(admin.live.outbound.create.mutate({ url: 'ftp://93.184.215.14/x', eventTypes: ['alert.fired'] })).rejects.toMatchObject(
      badRequest,
    );
    await expect(
      admin.live.outbound.create.mutate({ url: 'https://me:pw@93.184.215.14/x', eventTypes: ['alert.fired'] }),
    ).rejects.toMatchObject(badRequest);
    await expect(
      // @ts-expect-error an event type Tandem does not send
      admin.live.outbound.create.mutate({ url: PUBLIC_URL, eventTypes: ['ticket.closed'] }),
    ).rejects.toMatchObject(badRequest);
    expect(await admin.live.outbound.list.query()).toHaveLength(1);
  });

  it('shows the delivery log: type, status, attempts and status code, never the payload or the secret', async () => {
    const sent: string[] = [];
    const hooks = createOutboundWebhooks({
      store: server.store,
      log: createLogger('silent'),
      allowPrivateUrls: false,
      fetchImpl: async (input) => {
        sent.push(String(input));
        return new Response(null, { status: 202 });
      },
    });
    await hooks.emit('default', 'handoff.created', { ticketId: 'T-77', summary: 'Refund question' });
    await hooks.emit('default', 'action.executed', { action: 'demo.cancelOrder' });
    expect(await hooks.deliverDue()).toBe(1);
    expect(sent).toEqual([PUBLIC_URL]);

    const log = await admin.live.outbound.deliveries.query({ limit: 10 });
    expect(log).toEqual([
      expect.objectContaining({ type: 'handoff.created', status: 'succeeded', attempts: 1, lastStatusCode: 202, nextAttemptAt: null }),
    ]);
    expect(log[0]!.deliveredAt).not.toBeNull();
    expect(JSON.stringify(log)).not.toMatch(/T-77|Refund|whsec_/);
  });

  it('is for admins, and shows each workspace only its own endpoints and deliveries', async () => {
    const agent = serverClient({ url: server.url, token: await server.createTenant('agents', 'Agents', 'agent') });
    await expect(agent.live.outbound.list.query()).rejects.toMatchObject({ data: { tandem: { code: 'FORBIDDEN' } } });
    const other = serverClient({ url: server.url, token: await server.createTenant('globex', 'Globex', 'admin') });
    expect(await other.live.outbound.list.query()).toEqual([]);
    expect(await other.live.outbound.deliveries.query({ limit: 10 })).toEqual([]);
    const [mine] = await admin.live.outbound.list.query();
    await expect(other.live.outbound.disable.mutate({ id: mine!.id })).rejects.toMatchObject({ data: { tandem: { code: 'NOT_FOUND' } } });
  });

  it('disables an endpoint: no more deliveries are queued for it', async () => {
    const [mine] = await admin.live.outbound.list.query();
    expect(await admin.live.outbound.disable.mutate({ id: mine!.id })).toEqual({ disabled: true });
    expect((await admin.live.outbound.list.query())[0]?.disabledAt).not.toBeNull();
    const hooks = createOutboundWebhooks({ store: server.store, log: createLogger('silent'), allowPrivateUrls: false });
    await hooks.emit('default', 'alert.fired', { kind: 'payment-failed' });
    expect(await admin.live.outbound.deliveries.query({ limit: 10 })).toHaveLength(1);
  });
});
