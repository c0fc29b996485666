// knowledge.changes over real HTTP (server-sent events): a subscriber hears at once where its
// workspace's feed stands, is nudged when an article is edited or deleted (and a sync from its own
// cursor then brings exactly that), never hears of another workspace's changes, and a reconnect
// with the last event id is told "changed" only when the feed moved meanwhile.
import { knowledgeChangeEventId, type KnowledgeChangeEvent, type KnowledgeSyncPage } from '@tandem/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TENANT_ID } from '../../auth/bootstrapAdmin.js';
import { serverClient, type ServerClient } from '../../cli/serverClient.js';
import { generateApiToken, hashApiToken } from '../../security/apiTokens.js';
import { newId } from '../../storage/ids.js';
import { startTestServer, type TestServer } from '../../testing/testServer.js';

let server: TestServer;
let api: ServerClient;

async function agentClient(tenantId: string): Promise<ServerClient> {
  const token = generateApiToken();
  await server.store.tokens.insert({ id: newId('tok'), tenantId, name: 'agent', role: 'agent', tokenHash: hashApiToken(token) });
  return serverClient({ url: server.url, token });
}

/** A subscription's events as they arrive, with a way to wait for the one a test expects. */
function follow(client: ServerClient, lastEventId?: string) {
  const events: KnowledgeChangeEvent[] = [];
  const errors: unknown[] = [];
  const waiters: (() => void)[] = [];
  const sub = client.knowledge.changes.subscribe(lastEventId === undefined ? {} : { lastEventId }, {
    onData: ({ data }) => {
      events.push(data);
      for (const w of waiters.splice(0)) w();
    },
    onError: (error) => {
      errors.push(error);
      for (const w of waiters.splice(0)) w();
    },
  });
  const next = (test: (event: KnowledgeChangeEvent) => boolean, from = 0) =>
    new Promise<KnowledgeChangeEvent>((resolve, reject) => {
      const timeout = setTimeout(() => reject(new Error(`no such event; saw ${JSON.stringify(events)}`)), 10_000);
      const check = () => {
        if (errors.length > 0) {
          clearTimeout(timeout);
          reject(errors[0] instanceof Error ? errors[0] : new Error('subscription failed'));
          return;
        }
        const found = events.slice(from).find(test);
        if (found !== undefined) {
          clearTimeout(timeout);
          resolve(found);
        } else waiters.push(check);
      };
      check();
    });
  return { events, errors, next, stop: () => sub.unsubscribe() };
}

async function upsert(client: ServerClient, id: string, body: string) {
  const started = await client.knowledge.articles.upsert.mutate({
    articles: [{ id, title: `Article ${id}`, body, updated_at: '2026-01-01T00:00:00Z' }],
  });
  await server.knowledge.ingest.settled(started.jobId);
}

beforeAll(async () => {
  server = await startTestServer({ TANDEM_DEMO_STORE: 'false' });
  api = serverClient({ url: server.url, token: server.adminToken });
  await upsert(api, 'returns', 'Returns are accepted within thirty days of delivery.');
});
// Open streams too: the server's drain ends them, or closing would wait for them forever.
afterAll(() => server.close());

describe('knowledge.changes', () => {
  it('says at once where the feed stands, then nudges on an edit and a deletion; a sync from the old cursor brings exactly them', async () => {
    const agent = await agentClient(DEFAULT_TENANT_ID);
    const channel = follow(agent);
    const feed = await server.store.knowledge.feedState(DEFAULT_TENANT_ID);
    const first = await channel.next(() => true);
    expect(first).toEqual({ kind: 'changed', epoch: feed.epoch, cursor: feed.latestSeq });
    const copy = await agent.knowledge.sync.query({ cursor: 0 });
    if (copy.kind !== 'page') throw new Error('expected a page');
    expect(copy.cursor).toBe(first.cursor);

    await upsert(api, 'returns', 'Returns are now accepted within sixty days of delivery.');
    const edited = await channel.next((e) => e.kind === 'changed' && e.cursor > first.cursor);
    const position = { cursor: copy.cursor, epoch: copy.epoch, format: copy.format, horizon: copy.horizon };
    const delta = (await agent.knowledge.sync.query(position)) as KnowledgeSyncPage;
    expect(delta.upserts.map((d) => d.chunks.map((c) => c.text).join(' '))).toEqual([expect.stringContaining('sixty days')]);
    expect(delta.cursor).toBe(edited.cursor);

    await api.knowledge.articles.delete.mutate({ ids: ['returns'] });
    const deleted = await channel.next((e) => e.kind === 'changed' && e.cursor > edited.cursor);
    const gone = (await agent.knowledge.sync.query({ ...position, cursor: delta.cursor })) as KnowledgeSyncPage;
    expect(gone.deletions).toHaveLength(1);
    expect(gone.cursor).toBe(deleted.cursor);
    expect(channel.errors).toEqual([]);
    channel.stop();
  });

  it('never tells one workspace of another workspace’s changes', async () => {
    const otherLead = serverClient({ url: server.url, token: await server.createTenant('elsewhere', 'Elsewhere', 'lead') });
    const theirs = follow(await agentClient('elsewhere'));
    const ours = follow(await agentClient(DEFAULT_TENANT_ID));
    const start = await theirs.next(() => true);
    const ourStart = await ours.next(() => true);
    expect(start).toMatchObject({ kind: 'changed', cursor: 0 });

    await upsert(api, 'shipping', 'Standard shipping takes three to five working days.');
    const ourNudge = await ours.next((e) => e.cursor > ourStart.cursor);
    await upsert(otherLead, 'own', 'Only for the elsewhere workspace.');
    const theirNudge = await theirs.next((e) => e.cursor > 0);
    // Their stream went straight from nothing to their own change: ours was never announced there.
    expect(theirs.events).toEqual([start, theirNudge]);
    expect(theirNudge.cursor).toBe((await server.store.knowledge.feedState('elsewhere')).latestSeq);
    expect(theirNudge.cursor).toBeGreaterThan(ourNudge.cursor);
    expect(ours.events.some((e) => e.cursor === theirNudge.cursor)).toBe(false);
    theirs.stop();
    ours.stop();
  });

  it('resumes: a reconnect with the last event id hears "changed" only when the feed moved meanwhile', async () => {
    const agent = await agentClient(DEFAULT_TENANT_ID);
    const feed = await server.store.knowledge.feedState(DEFAULT_TENANT_ID);
    const heard = knowledgeChangeEventId({ epoch: feed.epoch, cursor: feed.latestSeq });

    const quiet = follow(agent, heard);
    expect(await quiet.next(() => true)).toEqual({ kind: 'heartbeat', epoch: feed.epoch, cursor: feed.latestSeq });
    quiet.stop();

    await upsert(api, 'warranty', 'The warranty covers two years from purchase.');
    const behind = follow(agent, heard);
    const caughtUp = await behind.next(() => true);
    expect(caughtUp.kind).toBe('changed');
    expect(caughtUp.cursor).toBeGreaterThan(feed.latestSeq);
    behind.stop();

    // An id from another store (its data was replaced) is news too, whatever the cursor.
    const replaced = follow(agent, knowledgeChangeEventId({ epoch: 'another-store', cursor: caughtUp.cursor }));
    expect(await replaced.next(() => true)).toMatchObject({ kind: 'changed', cursor: caughtUp.cursor });
    replaced.stop();
  });

  it('ends open streams when the server drains, so stopping never waits on an open panel', { timeout: 90_000 }, async () => {
    const own = await startTestServer({ TANDEM_DEMO_STORE: 'false' });
    let heard: () => void = () => undefined;
    let ended: () => void = () => undefined;
    const first = new Promise<void>((resolve) => (heard = resolve));
    const stopped = new Promise<void>((resolve) => (ended = resolve));
    const sub = serverClient({ url: own.url, token: own.adminToken }).knowledge.changes.subscribe(
      {},
      { onData: () => heard(), onStopped: () => ended(), onComplete: () => ended() },
    );
    try {
      await first;
      // Without the drain, closing would wait on this open stream for ever (and time the test out).
      await own.close();
      await stopped;
    } finally {
      sub.unsubscribe();
    }
  });

  it('needs a token and rejects an oversized event id', async () => {
    const anonymous = follow(serverClient({ url: server.url, token: 'not-a-token' }));
    await expect(anonymous.next(() => true)).rejects.toMatchObject({ data: { tandem: { code: 'UNAUTHORIZED' } } });
    anonymous.stop();
    const bad = follow(api, 'x'.repeat(201));
    await expect(bad.next(() => true)).rejects.toMatchObject({ data: { tandem: { code: 'BAD_REQUEST' } } });
    bad.stop();
  });
});
