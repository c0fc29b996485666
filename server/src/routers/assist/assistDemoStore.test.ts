// The assist flow as `npm start` runs it: the server's own demo store supplies the customer's
// live state and the retail actions, and a confirmed action changes the store's data.
import type { TicketContextInput } from '@tandem/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverClient, type ServerClient } from '../../cli/serverClient.js';
import { draftEvents } from '../../testing/draftEvents.js';
import { generateDemoStoreData } from '../../demoStore/demoStoreData.js';
import { startTestServer, type TestServer } from '../../testing/testServer.js';

let server: TestServer;
let api: ServerClient;
const data = generateDemoStoreData();
const order = data.orders.find((o) => o.status === 'pending');
const customer = data.customers.find((c) => c.id === order?.customerId);
/** As customers and the store's API write it. */
const orderRef = `#${order?.id ?? ''}`;

const draft = (ticket: TicketContextInput) => draftEvents(api, ticket);

beforeAll(async () => {
  server = await startTestServer();
  api = serverClient({ url: server.url, token: server.adminToken });
});
afterAll(() => server.close());

describe('assist with the demo store', () => {
  it('shows the customer’s live orders and suggests a pre-filled cancellation that runs only when confirmed', async () => {
    if (order === undefined || customer === undefined) throw new Error('the demo data has no pending order');
    const events = await draft({
      site: 'api',
      ticketId: 'D-1',
      subject: `Please cancel order ${orderRef}`,
      requester: { name: `${customer.firstName} ${customer.lastName}`, email: customer.email },
      messages: [{ authorRole: 'customer', body: `Hi, I ordered by mistake. Can you cancel my order ${orderRef} please?` }],
    });
    const live = events.find((e) => e.type === 'live');
    if (live?.type !== 'live') throw new Error('no live event');
    expect(live.state.customer.email).toBe(customer.email);
    expect(live.state.orders.map((o) => o.id)).toContain(orderRef);
    // Live facts reach the draft.
    const text = events.map((e) => (e.type === 'token' ? e.text : '')).join('');
    expect(text).toContain(orderRef);

    const actions = events.find((e) => e.type === 'actions');
    if (actions?.type !== 'actions') throw new Error('no actions');
    const cancel = actions.actions.find((a) => a.action === 'demoStore.cancelOrder');
    expect(cancel).toMatchObject({ risk: 'write', arguments: { orderId: orderRef } });
    if (cancel === undefined) throw new Error('no cancel suggestion');

    // Still pending: nothing ran on its own.
    expect((await fetch(`${server.url}/demo-store/api/orders/${encodeURIComponent(orderRef)}`)).status).toBe(401);
    const result = await api.actions.execute.mutate({
      suggestionId: cancel.id,
      confirmed: true,
      idempotencyKey: 'cancel-0001',
      arguments: { ...cancel.arguments, reason: 'ordered by mistake' },
    });
    expect(result).toMatchObject({ status: 'succeeded', action: 'demoStore.cancelOrder' });
    const again = await api.actions.execute.mutate({
      suggestionId: cancel.id,
      confirmed: true,
      idempotencyKey: 'cancel-0002',
      arguments: { ...cancel.arguments, reason: 'ordered by mistake' },
    });
    // The store enforces its own rules: a cancelled order cannot be cancelled again.
    expect(again.status).toBe('failed');

    // The change travelled as a signed webhook into the live event log and the customer's projection.
    // (The store's events name orders without the '#' its API and customers use.)
    let state = await server.live.stateFor('default', { email: customer.email });
    for (let i = 0; i < 50 && state?.orders.find((o) => o.id === order.id)?.status !== 'cancelled'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      state = await server.live.stateFor('default', { email: customer.email });
    }
    expect(state?.orders.find((o) => o.id === order.id)?.status).toBe('cancelled');
  });
});
