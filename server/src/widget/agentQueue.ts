/**
 * The human queue: agents and leads list the conversations waiting for a person or with one, open
 * one with everything needed to answer (transcript, the latest analysis, the verified customer's
 * live context now, the change they asked for, their rating), reply as themselves, hand it back to
 * the AI, or close it. A reply takes the conversation from the AI at once: an answer being
 * written is dropped, and the AI stays silent until someone hands it back.
 */
import {
  actionSuggestionSchema,
  ticketAnalysisSchema,
  type CustomerLiveState,
  type Principal,
  type WidgetConversationDetail,
  type WidgetConversationStatus,
  type WidgetQueueChange,
  type WidgetQueueItem,
  type WidgetTranscriptEntry,
} from '@tandem/shared';
import { ServiceError } from '../errors/serviceError.js';
import { normaliseUntrusted } from '../security/untrustedText.js';
import type { StoredWidgetConversation, WidgetConversationsRepo } from '../storage/widget/widgetConversationsRepo.js';
import type { WidgetRatingsRepo } from '../storage/widget/widgetRatingsRepo.js';
import { AsyncQueue } from './asyncQueue.js';
import type { ConversationHub } from './conversationHub.js';
import type { ConversationLog } from './conversationLog.js';
import { queueItem, transcriptEntry } from './widgetEvents.js';

export interface AgentQueueDeps {
  conversations: WidgetConversationsRepo;
  ratings: WidgetRatingsRepo;
  log: ConversationLog;
  hub: ConversationHub;
  /** The verified customer's live context now; undefined for an anonymous visitor or an unknown customer. */
  liveState(conversation: StoredWidgetConversation): Promise<CustomerLiveState | undefined>;
}

/** The queue's default view: conversations that need a person or have one. */
export const WITH_PEOPLE: readonly WidgetConversationStatus[] = ['waiting-for-human', 'human'];
const TRANSCRIPT_LIMIT = 1000;

export function agentQueue(deps: AgentQueueDeps) {
  async function owned(tenantId: string, id: string): Promise<StoredWidgetConversation> {
    const conversation = await deps.conversations.get(tenantId, id);
    if (conversation === undefined) throw new ServiceError('NOT_FOUND', 'No such widget conversation in this workspace');
    return conversation;
  }

  async function item(conversation: StoredWidgetConversation): Promise<WidgetQueueItem> {
    const line = await deps.conversations.queued(conversation.tenantId, conversation.id);
    return queueItem(line ?? { conversation, siteName: '', lastMessage: undefined });
  }

  const parsedOrUndefined = <T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }, value: unknown) => {
    if (value === null) return undefined;
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : undefined;
  };

  return {
    async list(tenantId: string, statuses: readonly WidgetConversationStatus[], limit: number): Promise<WidgetQueueItem[]> {
      return (await deps.conversations.queue(tenantId, statuses, limit)).map(queueItem);
    },

    async get(tenantId: string, id: string): Promise<WidgetConversationDetail> {
      const conversation = await owned(tenantId, id);
      const [messages, live, rating, shown] = await Promise.all([
        deps.conversations.messagesAfter(tenantId, id, Math.max(0, conversation.lastSeq - TRANSCRIPT_LIMIT), TRANSCRIPT_LIMIT),
        deps.liveState(conversation).catch(() => undefined),
        deps.ratings.get(tenantId, id),
        item(conversation),
      ]);
      const analysis = parsedOrUndefined(ticketAnalysisSchema, conversation.analysis);
      const pendingAction = parsedOrUndefined(actionSuggestionSchema, conversation.pendingAction);
      return {
        conversation: shown,
        transcript: messages.map(transcriptEntry),
        ...(analysis === undefined ? {} : { analysis }),
        live: live ?? null,
        ...(pendingAction === undefined ? {} : { pendingAction }),
        ...(rating === undefined
          ? {}
          : {
              rating: {
                conversationId: rating.conversationId,
                score: rating.score,
                ...(rating.comment === null ? {} : { comment: rating.comment }),
                ratedAt: rating.ratedAt,
              },
            }),
      };
    },

    /** A person's reply, shown to the visitor under `displayName` (the token's name by default). */
    async reply(principal: Principal, id: string, text: string, displayName?: string): Promise<WidgetTranscriptEntry> {
      const conversation = await owned(principal.tenantId, id);
      if (conversation.status === 'closed') throw new ServiceError('CONFLICT', 'This conversation is closed');
      const body = normaliseUntrusted(text).trim();
      if (body === '') throw new ServiceError('BAD_REQUEST', 'The reply is empty');
      const name = normaliseUntrusted(displayName ?? principal.name).trim() || 'Support';
      deps.hub.interrupt(id);
      const result = await deps.log.append({
        tenantId: principal.tenantId,
        conversationId: id,
        message: { author: 'human', kind: 'message', authorName: name, text: body },
        when: ['ai', 'waiting-for-human', 'human'],
        change: { status: 'human', agent: { tokenId: principal.tokenId, name } },
      });
      if (result?.kind !== 'appended') throw new ServiceError('CONFLICT', 'This conversation is closed');
      return transcriptEntry(result.message);
    },

    /** Back to the AI: it answers the visitor's next message. */
    async handBack(principal: Principal, id: string): Promise<WidgetQueueItem> {
      await owned(principal.tenantId, id);
      const result = await deps.log.append({
        tenantId: principal.tenantId,
        conversationId: id,
        message: { author: 'system', kind: 'handback', authorName: principal.name },
        when: WITH_PEOPLE,
        change: { status: 'ai', agent: null, handoffReason: null, pendingAction: null },
      });
      if (result?.kind !== 'appended')
        throw new ServiceError('CONFLICT', 'Only a conversation waiting for a person or with one can be handed back');
      return item(result.conversation);
    },

    /** Closes the conversation and asks the visitor for a rating; closing a closed one changes nothing. */
    async close(principal: Principal, id: string): Promise<WidgetQueueItem> {
      await owned(principal.tenantId, id);
      deps.hub.interrupt(id);
      const closed = await deps.log.append({
        tenantId: principal.tenantId,
        conversationId: id,
        message: { author: 'system', kind: 'closed', authorName: principal.name },
        when: ['ai', 'waiting-for-human', 'human'],
        change: { status: 'closed' },
      });
      if (closed?.kind === 'appended')
        await deps.log.append({ tenantId: principal.tenantId, conversationId: id, message: { author: 'system', kind: 'rating-request' } });
      return item(closed?.conversation ?? (await owned(principal.tenantId, id)));
    },

    /** Changes in the workspace's conversations as they happen (after a reconnect, list again). */
    async *watch(tenantId: string, signal: AbortSignal): AsyncGenerator<[string, WidgetQueueChange]> {
      const queue = new AsyncQueue<WidgetQueueChange>(10_000);
      const unsubscribe = deps.hub.onTenant(tenantId, (change) => queue.push(change));
      try {
        for await (const change of queue.drain(AbortSignal.any([signal, deps.hub.closing])))
          yield [`${change.conversationId}.${change.seq}`, change];
      } finally {
        unsubscribe();
      }
    },
  };
}
export type AgentQueue = ReturnType<typeof agentQueue>;
