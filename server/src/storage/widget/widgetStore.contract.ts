/**
 * The widget repositories' part of the Store contract (storage/store.contract.ts runs it against
 * every driver): sites by key and per workspace, one open conversation per visitor, messages
 * numbered as an event log with their status change in one step, refusals by status, dedupe keys,
 * visitors and workspaces kept apart, the queue, ratings.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../store.js';

export function describeWidgetStoreContract(storeOf: () => Store, tenantId: string, otherTenantId: string): void {
  describe('widget', () => {
    let store: Store;
    let siteId: string;
    const site = (id: string, tenant: string, key: string) => ({
      id,
      tenantId: tenant,
      siteKey: key,
      name: `Site ${id}`,
      allowedOrigins: ['https://shop.example'],
      theme: { accentColor: '#112233' },
      confidenceThreshold: 0.6,
      suggestedQuestions: ['Where is my order?'],
      identitySecretSealed: 'sealed-secret',
    });
    const visitor = (visitorId: string) => ({ tenantId, siteId, visitorId, visitorUserId: null, visitorName: null, channel: 'widget' });

    beforeAll(async () => {
      store = storeOf();
      siteId = (await store.widget.sites.create(site('ws_contract', tenantId, 'pk_contractkey0000000001'))).id;
      await store.widget.sites.create(site('ws_other', otherTenantId, 'pk_contractkey0000000002'));
    });

    it('finds a site by its public key, and lists and updates it only within its workspace', async () => {
      const found = await store.widget.sites.byKey('pk_contractkey0000000001');
      expect(found).toMatchObject({
        id: siteId,
        tenantId,
        allowedOrigins: ['https://shop.example'],
        confidenceThreshold: 0.6,
        disabledAt: null,
      });
      expect(found?.theme).toEqual({ accentColor: '#112233' });
      expect(await store.widget.sites.byKey('pk_nosuchkey00000000000')).toBeUndefined();
      expect((await store.widget.sites.list(tenantId)).map((s) => s.id)).toEqual([siteId]);
      expect(await store.widget.sites.get(otherTenantId, siteId)).toBeUndefined();
      expect(await store.widget.sites.update(otherTenantId, siteId, { name: 'Taken' })).toBeUndefined();

      const renamed = await store.widget.sites.update(tenantId, siteId, { name: 'Shop', suggestedQuestions: [], disabled: true });
      expect(renamed).toMatchObject({ name: 'Shop', suggestedQuestions: [], allowedOrigins: ['https://shop.example'] });
      expect(renamed?.disabledAt).not.toBeNull();
      expect((await store.widget.sites.update(tenantId, siteId, { disabled: false }))?.disabledAt).toBeNull();
      expect((await store.widget.sites.replaceSecret(tenantId, siteId, 'sealed-2'))?.identitySecretSealed).toBe('sealed-2');
      expect(await store.widget.sites.replaceSecret(otherTenantId, siteId, 'x')).toBeUndefined();
    });

    it('keeps one open conversation per visitor and site', async () => {
      const [a, b] = await Promise.all([
        store.widget.conversations.openOrCreate(visitor('v1')),
        store.widget.conversations.openOrCreate(visitor('v1')),
      ]);
      expect(a.conversation.id).toBe(b.conversation.id);
      expect([a.created, b.created].filter(Boolean)).toHaveLength(1);
      expect(a.conversation).toMatchObject({ status: 'ai', lastSeq: 0, visitorId: 'v1', channel: 'widget' });
      const other = await store.widget.conversations.openOrCreate(visitor('v2'));
      expect(other.conversation.id).not.toBe(a.conversation.id);
    });

    it('numbers messages per conversation and changes the status with them in one step', async () => {
      const { conversation } = await store.widget.conversations.openOrCreate(visitor('v3'));
      const first = await store.widget.conversations.append({
        tenantId,
        conversationId: conversation.id,
        message: { author: 'visitor', kind: 'message', text: 'Hello', dedupeKey: `m:${conversation.id}:1` },
      });
      expect(first).toMatchObject({
        kind: 'appended',
        message: { seq: 1, text: 'Hello', author: 'visitor' },
        conversation: { lastSeq: 1 },
      });
      const handoff = await store.widget.conversations.append({
        tenantId,
        conversationId: conversation.id,
        message: { author: 'system', kind: 'handoff', data: { reason: 'no-answer' } },
        when: ['ai'],
        change: {
          status: 'waiting-for-human',
          handoffReason: 'no-answer',
          analysis: { sentiment: 'neutral' },
          pendingAction: { id: 'sg_1' },
        },
      });
      expect(handoff).toMatchObject({
        kind: 'appended',
        message: { seq: 2, data: { reason: 'no-answer' } },
        conversation: {
          status: 'waiting-for-human',
          handoffReason: 'no-answer',
          analysis: { sentiment: 'neutral' },
          pendingAction: { id: 'sg_1' },
        },
      });
      expect(handoff?.kind === 'appended' && handoff.conversation.handoffAt !== null).toBe(true);

      // An AI answer is stored only while the AI has the conversation.
      const refused = await store.widget.conversations.append({
        tenantId,
        conversationId: conversation.id,
        message: { author: 'ai', kind: 'answer', text: 'Late answer', citations: [], confidence: 0.9 },
        when: ['ai'],
      });
      expect(refused).toMatchObject({ kind: 'refused', conversation: { status: 'waiting-for-human', lastSeq: 2 } });

      // The same dedupe key again stores nothing and returns the first message.
      const again = await store.widget.conversations.append({
        tenantId,
        conversationId: conversation.id,
        message: { author: 'visitor', kind: 'message', text: 'Hello again', dedupeKey: `m:${conversation.id}:1` },
      });
      expect(again).toMatchObject({ kind: 'duplicate', message: { seq: 1, text: 'Hello' } });

      const human = await store.widget.conversations.append({
        tenantId,
        conversationId: conversation.id,
        message: { author: 'human', kind: 'message', authorName: 'Mia', text: 'I am here' },
        change: { status: 'human', agent: { tokenId: 'tok_1', name: 'Mia' }, handoffReason: null },
      });
      expect(human).toMatchObject({
        conversation: { status: 'human', agentName: 'Mia', agentTokenId: 'tok_1', handoffReason: null, handoffAt: null },
      });

      const after = await store.widget.conversations.messagesAfter(tenantId, conversation.id, 1, 10);
      expect(after.map((m) => [m.seq, m.author, m.kind])).toEqual([
        [2, 'system', 'handoff'],
        [3, 'human', 'message'],
      ]);
      expect(await store.widget.conversations.messagesAfter(otherTenantId, conversation.id, 0, 10)).toEqual([]);
      expect(
        await store.widget.conversations.append({
          tenantId: otherTenantId,
          conversationId: conversation.id,
          message: { author: 'ai', kind: 'answer' },
        }),
      ).toBeUndefined();
    });

    it('finds a conversation for its own visitor only', async () => {
      const { conversation } = await store.widget.conversations.openOrCreate(visitor('v4'));
      expect((await store.widget.conversations.ofVisitor(tenantId, siteId, 'v4', conversation.id))?.id).toBe(conversation.id);
      expect(await store.widget.conversations.ofVisitor(tenantId, siteId, 'v5', conversation.id)).toBeUndefined();
      expect(await store.widget.conversations.ofVisitor(tenantId, 'ws_other', 'v4', conversation.id)).toBeUndefined();
      expect(await store.widget.conversations.ofVisitor(otherTenantId, siteId, 'v4', conversation.id)).toBeUndefined();
    });

    it('opens a new conversation after a close, and lists the queue with the newest message', async () => {
      const { conversation } = await store.widget.conversations.openOrCreate(visitor('v6'));
      await store.widget.conversations.append({
        tenantId,
        conversationId: conversation.id,
        message: { author: 'visitor', kind: 'message', text: 'x'.repeat(500) },
        change: { status: 'waiting-for-human', handoffReason: 'asked-for-human' },
      });
      const queue = await store.widget.conversations.queue(tenantId, ['waiting-for-human'], 10);
      const line = queue.find((q) => q.conversation.id === conversation.id);
      expect(line).toMatchObject({ siteName: 'Shop', lastMessage: { author: 'visitor' } });
      expect(line?.lastMessage?.text).toHaveLength(200);
      expect(await store.widget.conversations.queue(otherTenantId, ['waiting-for-human'], 10)).toEqual([]);

      await store.widget.conversations.append({
        tenantId,
        conversationId: conversation.id,
        message: { author: 'system', kind: 'closed' },
        change: { status: 'closed' },
      });
      expect(await store.widget.conversations.openForVisitor(tenantId, siteId, 'v6')).toBeUndefined();
      const next = await store.widget.conversations.openOrCreate(visitor('v6'));
      expect(next).toMatchObject({ created: true });
      expect((await store.widget.conversations.latestForVisitor(tenantId, siteId, 'v6'))?.id).toBe(next.conversation.id);
      expect((await store.widget.conversations.get(tenantId, conversation.id))?.closedAt).not.toBeNull();
    });

    it('keeps one rating per conversation, the last one given', async () => {
      const { conversation } = await store.widget.conversations.openOrCreate(visitor('v7'));
      await store.widget.ratings.rate({ tenantId, conversationId: conversation.id, score: 2, comment: null });
      const rated = await store.widget.ratings.rate({ tenantId, conversationId: conversation.id, score: 5, comment: 'Great' });
      expect(rated).toMatchObject({ score: 5, comment: 'Great' });
      expect(await store.widget.ratings.get(tenantId, conversation.id)).toMatchObject({ score: 5 });
      expect(await store.widget.ratings.get(otherTenantId, conversation.id)).toBeUndefined();
    });
  });
}
