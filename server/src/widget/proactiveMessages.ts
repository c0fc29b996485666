/**
 * Proactive messages: when the live context fires a trigger (a failed payment, an abandoned cart)
 * for a customer who has the widget open as a verified visitor, a message appears in their
 * conversation (a new one if they had none open) — once per alert and visitor, however many tabs
 * or server nodes see it (the message's dedupe key is stored). Anonymous visitors get none: the
 * alert is about a customer, and only a verified visitor is known to be that customer.
 */
import type { WidgetProactiveTrigger } from '@tandem/shared';
import type { LiveContext } from '../live/index.js';
import type { Logger } from '../logging/logger.js';
import type { WidgetConversationsRepo } from '../storage/widget/widgetConversationsRepo.js';
import { visitorKey } from './conversationHub.js';
import type { ConversationLog } from './conversationLog.js';
import { customerKeysOf, customerRefOf } from './identity.js';
import type { Visitor } from './visitorSessions.js';

/** What the message says; the bundle may show its own words for the trigger instead (it knows the page's language). */
export const PROACTIVE_TEXT: Record<WidgetProactiveTrigger, string> = {
  'payment-failed': "It looks like your last payment didn't go through. Can I help you complete it?",
  'cart-abandoned': 'You still have items in your cart. Any questions before you check out?',
};

const TRIGGER_OF: Record<string, WidgetProactiveTrigger> = { 'payment-failed': 'payment-failed', 'cart-abandoned': 'cart-abandoned' };

export interface ProactiveDeps {
  live: Pick<LiveContext, 'onAlert' | 'stateFor'>;
  conversations: WidgetConversationsRepo;
  log: ConversationLog;
  logger: Logger;
}

interface Watched {
  visitor: Visitor & { userId: string };
  /** The live context's key for this customer (by e-mail or by external id, as verified). */
  keys: string[];
  streams: number;
}

export function proactiveMessages(deps: ProactiveDeps) {
  /** Per workspace: the verified visitors with an open stream, and the alert subscription while there are any. */
  const tenants = new Map<string, { visitors: Map<string, Watched>; unsubscribe: () => void }>();
  const pending = new Set<Promise<void>>();

  async function deliver(watched: Watched, trigger: WidgetProactiveTrigger, alertSeq: number): Promise<void> {
    const { visitor } = watched;
    const { conversation, created } = await deps.conversations.openOrCreate({
      tenantId: visitor.tenantId,
      siteId: visitor.siteId,
      visitorId: visitor.visitorId,
      visitorUserId: visitor.userId,
      visitorName: visitor.name ?? null,
      channel: 'widget',
    });
    if (created) deps.log.announceNew(conversation);
    await deps.log.append({
      tenantId: visitor.tenantId,
      conversationId: conversation.id,
      message: {
        author: 'ai',
        kind: 'proactive',
        text: PROACTIVE_TEXT[trigger],
        data: { trigger },
        dedupeKey: `proactive:${visitor.siteId}:${visitor.visitorId}:${alertSeq}`,
      },
      // A person who has the conversation speaks for the workspace now; the AI does not interject.
      when: ['ai'],
    });
  }

  /** Every key the alert's customer is known by: the one it names, and the others their projection holds. */
  async function keysOfAlert(tenantId: string, customerKey: string): Promise<Set<string>> {
    const keys = new Set([customerKey]);
    const at = customerKey.indexOf(':');
    const [kind, value] = [customerKey.slice(0, at), customerKey.slice(at + 1)];
    const ref = kind === 'email' ? { email: value } : kind === 'ext' ? { externalId: value } : undefined;
    const state = ref === undefined ? undefined : await deps.live.stateFor(tenantId, ref);
    for (const key of customerKeysOf(state?.customer ?? {})) keys.add(key);
    return keys;
  }

  async function onAlert(tenantId: string, kind: string, customerKey: string, seq: number): Promise<void> {
    const trigger = TRIGGER_OF[kind];
    const watching = tenants.get(tenantId)?.visitors;
    if (trigger === undefined || watching === undefined) return;
    const keys = await keysOfAlert(tenantId, customerKey);
    const deliveries = [...watching.values()].filter((w) => w.keys.some((k) => keys.has(k))).map((w) => deliver(w, trigger, seq));
    await Promise.all(deliveries);
  }

  return {
    /** A verified visitor's stream opened; returns what to call when it closes. */
    watch(visitor: Visitor & { userId: string }): () => void {
      let tenant = tenants.get(visitor.tenantId);
      if (tenant === undefined) {
        const unsubscribe = deps.live.onAlert(visitor.tenantId, (n) => {
          const delivery = onAlert(visitor.tenantId, n.kind, n.customerKey, n.seq)
            .catch((error: unknown) => deps.logger.error({ err: error }, 'proactive message not delivered'))
            .finally(() => pending.delete(delivery));
          pending.add(delivery);
        });
        tenants.set(visitor.tenantId, (tenant = { visitors: new Map(), unsubscribe }));
      }
      const key = visitorKey(visitor);
      let watched = tenant.visitors.get(key);
      if (watched === undefined) {
        watched = { visitor, keys: customerKeysOf(customerRefOf(visitor.userId)), streams: 0 };
        tenant.visitors.set(key, watched);
      }
      watched.streams += 1;
      const entry = watched;
      const owner = tenant;
      return () => {
        entry.streams -= 1;
        if (entry.streams > 0) return;
        owner.visitors.delete(key);
        if (owner.visitors.size === 0) {
          owner.unsubscribe();
          tenants.delete(visitor.tenantId);
        }
      };
    },
    /** Waits for deliveries in progress (tests, shutdown). */
    settled: async (): Promise<void> => {
      await Promise.all([...pending]);
    },
  };
}
export type ProactiveMessages = ReturnType<typeof proactiveMessages>;
