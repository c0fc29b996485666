// The background's follow-mode link without Chrome: what it publishes (latest wins, nothing while
// paused, the current ticket again on resume), and how it answers the desktop's insert requests.
import type { PresenceAckInput, PresenceFollower, PresencePublishInput, TicketContext } from '@tandem/shared';
import { describe, expect, it } from 'vitest';
import { startPresenceLink, type FollowHost, type PresenceApi } from './presenceLink';

const ticket = (ticketId: string): TicketContext => ({
  site: 'zendesk',
  ticketId,
  subject: `Ticket ${ticketId}`,
  requester: {},
  messages: [],
  tags: [],
  status: 'open',
});

function fakeApi() {
  const calls: string[] = [];
  const published: PresencePublishInput[] = [];
  const acks: PresenceAckInput[] = [];
  let push: (event: unknown) => void = () => undefined;
  let release: () => void = () => undefined;
  let gate: Promise<void> | undefined;
  const api: PresenceApi = {
    publish: async (input) => {
      published.push(input);
      await gate;
    },
    pause: async () => void calls.push('pause'),
    resume: async () => void calls.push('resume'),
    ack: async (input) => void acks.push(input),
    inbox: ({ onData }) => {
      push = onData;
      return { unsubscribe: () => calls.push('unsubscribe') };
    },
  };
  return {
    api,
    calls,
    published,
    acks,
    send: (event: unknown) => push(event),
    /** Holds publications in flight until `open()`. */
    hold: () => {
      gate = new Promise((resolve) => (release = resolve));
    },
    open: () => {
      gate = undefined;
      release();
    },
  };
}

function fakeHost(reply: { ok: true } | { ok: false; error: string } = { ok: true }) {
  const inserted: { ticketId: string; requestId: string; text: string }[] = [];
  const followers: PresenceFollower[][] = [];
  const errors: string[] = [];
  const host: FollowHost = {
    insert: async (ticketId, requestId, text) => {
      inserted.push({ ticketId, requestId, text });
      return reply;
    },
    onFollowers: (f) => followers.push(f),
    onError: (what) => errors.push(what),
  };
  return { host, inserted, followers, errors };
}

describe('presence link', () => {
  it('publishes each ticket, the latest winning over ones queued behind a slow publication', async () => {
    const server = fakeApi();
    const link = startPresenceLink(server.api, fakeHost().host, false);
    server.hold();
    link.publish(ticket('1'));
    await expect.poll(() => server.published.length).toBe(1);
    link.publish(ticket('2'));
    link.publish(ticket('3'));
    server.open();
    await link.idle();
    await link.idle();
    expect(server.published.map((p) => p.ticket?.ticketId)).toEqual(['1', '3']);
  });

  it('publishes nothing while paused, tells the server, and publishes the current ticket on resume', async () => {
    const server = fakeApi();
    const link = startPresenceLink(server.api, fakeHost().host, true);
    link.publish(ticket('7'));
    await link.idle();
    expect(server.published).toEqual([]);
    expect(server.calls).toContain('pause');
    await link.setPaused(false);
    expect(server.calls).toContain('resume');
    expect(server.published.map((p) => p.ticket?.ticketId)).toEqual(['7']);
    await link.setPaused(true);
    link.publish(ticket('8'));
    await link.idle();
    expect(server.published.map((p) => p.ticket?.ticketId)).toEqual(['7']);
  });

  it('inserts a requested draft and acknowledges how it went; reports followers; ignores malformed events', async () => {
    const server = fakeApi();
    const ok = fakeHost();
    startPresenceLink(server.api, ok.host, false);
    server.send({ kind: 'followers', paused: false, followers: [{ name: 'Lee', role: 'lead', readOnly: true }] });
    server.send({ kind: 'insert', requestId: 'r1', ticketId: '5', text: 'Hello Mia' });
    server.send({ kind: 'insert', requestId: 42 });
    await expect.poll(() => server.acks).toEqual([{ requestId: 'r1', outcome: 'inserted' }]);
    expect(ok.inserted).toEqual([{ ticketId: '5', requestId: 'r1', text: 'Hello Mia' }]);
    expect(ok.followers).toEqual([[{ name: 'Lee', role: 'lead', readOnly: true }]]);
    expect(ok.errors).toEqual(['inbox']);

    const refused = fakeApi();
    startPresenceLink(refused.api, fakeHost({ ok: false, error: 'No composer is open' }).host, false);
    refused.send({ kind: 'insert', requestId: 'r2', ticketId: '5', text: 'Hello' });
    await expect.poll(() => refused.acks).toEqual([{ requestId: 'r2', outcome: 'failed', detail: 'No composer is open' }]);
  });

  it('stops listening when stopped', () => {
    const server = fakeApi();
    startPresenceLink(server.api, fakeHost().host, false).stop();
    expect(server.calls).toContain('unsubscribe');
  });
});
