// Follow mode end to end over real HTTP: the agent's extension publishes its open ticket, the same
// user's desktop follows it redacted and live, a lead follows read-only and the agent hears it,
// an insert request reaches the extension restored and comes back acknowledged, and pausing
// stops publication.
import type { PresenceInboxEvent, PresenceSnapshot, TicketContextInput } from '@tandem/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverClient, type ServerClient } from '../../cli/serverClient.js';
import { startTestServer, type TestServer } from '../../testing/testServer.js';

let server: TestServer;
let admin: ServerClient;
let agent: ServerClient;
let otherAgent: ServerClient;
let lead: ServerClient;

const ticket = (ticketId: string, subject: string): TicketContextInput => ({
  site: 'zendesk',
  ticketId,
  subject,
  requester: { name: 'Mia Kovac', email: 'mia.kovac@example.com' },
  messages: [
    {
      authorRole: 'customer',
      authorName: 'Mia Kovac',
      authorEmail: 'mia.kovac@example.com',
      body: 'Hi, my parcel never arrived. Call me on +44 20 7946 0958 or write to mia.kovac@example.com. Mia',
    },
  ],
});

/** Every subscription a test opened, stopped before the server closes even when a test fails. */
const open: { unsubscribe(): void }[] = [];

/** Follows a subscription, handing each value to whoever waits for one that matches. */
function follow<T>(subscribe: (onData: (value: T) => void, onError: (e: unknown) => void) => { unsubscribe(): void }) {
  const seen: T[] = [];
  /** Values before this index were already handed to a `next` caller: each wait looks forward only. */
  let cursor = 0;
  const waiters: { match: (v: T) => boolean; resolve: (v: T) => void }[] = [];
  let failure: unknown;
  const sub = subscribe(
    (value) => {
      seen.push(value);
      const waiter = waiters[0];
      if (waiter?.match(value) === true) {
        waiters.shift();
        cursor = seen.length;
        waiter.resolve(value);
      }
    },
    (e) => {
      failure = e;
    },
  );
  open.push(sub);
  return {
    seen,
    get failure() {
      return failure;
    },
    /** The first value from the cursor on that matches, now or when it arrives (one waiter at a time). */
    next(match: (v: T) => boolean): Promise<T> {
      const index = seen.findIndex((v, i) => i >= cursor && match(v));
      const found = seen[index];
      if (index >= 0 && found !== undefined) {
        cursor = index + 1;
        return Promise.resolve(found);
      }
      cursor = seen.length;
      return new Promise((resolve) => waiters.push({ match, resolve }));
    },
    stop: () => sub.unsubscribe(),
  };
}

const followSnapshots = (client: ServerClient, userId?: string) =>
  follow<PresenceSnapshot>((onData, onError) =>
    client.presence.follow.subscribe(userId === undefined ? {} : { userId }, { onData: (e) => onData(e.data), onError }),
  );
const followInbox = (client: ServerClient) =>
  follow<PresenceInboxEvent>((onData, onError) => client.presence.inbox.subscribe(undefined, { onData, onError }));

beforeAll(async () => {
  server = await startTestServer({ TANDEM_DEMO_STORE: 'false' });
  admin = serverClient({ url: server.url, token: server.adminToken });
  const token = async (name: string, role: 'agent' | 'lead') => (await admin.team.createToken.mutate({ name, role })).token;
  agent = serverClient({ url: server.url, token: await token('Ana (agent)', 'agent') });
  otherAgent = serverClient({ url: server.url, token: await token('Ben (agent)', 'agent') });
  lead = serverClient({ url: server.url, token: await token('Lee (lead)', 'lead') });
});
afterAll(async () => {
  for (const sub of open) sub.unsubscribe();
  await server.close();
});

describe('presence', () => {
  it('follows the same user’s ticket live, redacted, and switches with it', async () => {
    const desktop = followSnapshots(agent);
    const first = await desktop.next(() => true);
    expect(first).toMatchObject({ ticket: null, readOnly: false, paused: false });

    await agent.presence.publish.mutate({ ticket: ticket('101', 'Parcel never arrived'), draft: null });
    const shown = await desktop.next((s) => s.ticket?.ticketId === '101');
    expect(shown.ticket?.subject).toBe('Parcel never arrived');
    const text = JSON.stringify(shown);
    expect(text).not.toContain('mia.kovac@example.com');
    expect(text).not.toContain('7946');
    expect(text).not.toContain('Kovac');
    expect(shown.ticket?.requester.name).toMatch(/^\[NAME_\d+\]$/);

    await agent.presence.publish.mutate({
      ticket: ticket('102', 'Refund for order 5521'),
      draft: { status: 'streaming', text: 'Hello Mia,' },
    });
    const switched = await desktop.next((s) => s.ticket?.ticketId === '102');
    expect(switched.draft?.status).toBe('streaming');
    expect(switched.draft?.text).not.toContain('Mia');
    desktop.stop();
  });

  it('refuses page HTML and anything else undeclared', async () => {
    await expect(agent.presence.publish.mutate({ ticket: null, draft: null, html: '<div>the page</div>' } as never)).rejects.toMatchObject({
      data: { code: 'BAD_REQUEST' },
    });
  });

  it('lets a lead follow an agent read-only, tells the agent, and keeps agents from following each other', async () => {
    const inbox = followInbox(agent);
    await inbox.next((e) => e.kind === 'followers');
    const [mine] = (await lead.presence.list.query()).filter((p) => p.name === 'Ana (agent)');
    expect(mine?.onTicket).toBe(true);
    const userId = mine?.userId ?? '';

    const coaching = followSnapshots(lead, userId);
    const seen = await coaching.next((s) => s.ticket !== null);
    expect(seen).toMatchObject({ readOnly: true, userName: 'Ana (agent)', ticket: { ticketId: '102' } });
    const told = await inbox.next((e) => e.kind === 'followers' && e.followers.some((f) => f.readOnly));
    expect(told).toMatchObject({ followers: [{ name: 'Lee (lead)', role: 'lead', readOnly: true }] });

    const refused = followSnapshots(otherAgent, userId);
    await expect.poll(() => refused.failure).toMatchObject({ data: { code: 'FORBIDDEN' } });
    refused.stop();
    await expect(otherAgent.presence.list.query()).rejects.toMatchObject({ data: { code: 'FORBIDDEN' } });

    coaching.stop();
    await inbox.next((e) => e.kind === 'followers' && e.followers.length === 0);
    inbox.stop();
  });

  it('sends an insert request to the extension with the real values back, and returns its answer', async () => {
    const inbox = followInbox(agent);
    await inbox.next((e) => e.kind === 'followers');
    const desktop = followSnapshots(agent);
    const shown = await desktop.next((s) => s.ticket?.ticketId === '102');
    const name = shown.ticket?.requester.name ?? '';

    const answered = agent.presence.insert.mutate({ ticketId: '102', text: `Hi ${name}, your refund is on its way.` });
    const request = await inbox.next((e) => e.kind === 'insert');
    if (request.kind !== 'insert') throw new Error('expected an insert request');
    expect(request.text).toBe('Hi Mia Kovac, your refund is on its way.');
    await agent.presence.ack.mutate({ requestId: request.requestId, outcome: 'inserted' });
    await expect(answered).resolves.toEqual({ outcome: 'inserted' });

    await expect(agent.presence.insert.mutate({ ticketId: '999', text: 'Hello' })).resolves.toMatchObject({ outcome: 'ticket-changed' });
    await expect(agent.presence.ack.mutate({ requestId: request.requestId, outcome: 'inserted' })).rejects.toMatchObject({
      data: { code: 'NOT_FOUND' },
    });
    inbox.stop();
    desktop.stop();
    // Nobody listens for Ben: he never turned follow mode on.
    await expect(otherAgent.presence.insert.mutate({ ticketId: '102', text: 'Hello' })).resolves.toMatchObject({ outcome: 'no-extension' });
  });

  it('stops publication while paused and follows again after resume', async () => {
    const desktop = followSnapshots(agent);
    await desktop.next((s) => s.ticket !== null);
    await expect(agent.presence.pause.mutate()).resolves.toEqual({ paused: true });
    await desktop.next((s) => s.paused && s.ticket === null);
    await expect(agent.presence.publish.mutate({ ticket: ticket('103', 'Wrong size'), draft: null })).resolves.toMatchObject({
      accepted: false,
    });
    await agent.presence.resume.mutate();
    const resumed = await desktop.next((s) => !s.paused);
    expect(resumed.ticket).toBeNull();
    expect(desktop.seen.some((s) => s.ticket?.ticketId === '103')).toBe(false);
    await agent.presence.publish.mutate({ ticket: ticket('104', 'Wrong colour'), draft: null });
    await desktop.next((s) => s.ticket?.ticketId === '104');
    desktop.stop();
  });
});
