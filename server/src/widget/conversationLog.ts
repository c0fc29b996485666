/**
 * Writing to a conversation: a message is stored with its status change (the repository's one
 * transaction), and only then announced — to the visitor's open streams as a lasting event, to the
 * agents' queue subscriptions as a change. Every writer in the widget goes through here, so no
 * stored message is left unannounced and nothing is announced that was not stored.
 */
import type { WidgetConversation } from '@tandem/shared';
import type {
  AppendInput,
  AppendResult,
  StoredWidgetConversation,
  WidgetConversationsRepo,
} from '../storage/widget/widgetConversationsRepo.js';
import type { ConversationHub, VisitorRef } from './conversationHub.js';
import { eventOf, visitorConversation } from './widgetEvents.js';

export const visitorOf = (c: Pick<StoredWidgetConversation, 'tenantId' | 'siteId' | 'visitorId'>): VisitorRef => ({
  tenantId: c.tenantId,
  siteId: c.siteId,
  visitorId: c.visitorId,
});

export function conversationLog(repo: WidgetConversationsRepo, hub: ConversationHub) {
  return {
    async append(input: AppendInput): Promise<AppendResult | undefined> {
      const result = await repo.append(input);
      if (result?.kind !== 'appended') return result;
      const { message, conversation } = result;
      const event = eventOf(message);
      if (event !== undefined)
        hub.publish(visitorOf(conversation), { kind: 'lasting', conversationId: conversation.id, seq: message.seq, event });
      hub.publishChange(conversation.tenantId, {
        conversationId: conversation.id,
        status: conversation.status,
        seq: message.seq,
        change: message.author === 'system' ? 'status' : 'message',
      });
      return result;
    },

    /** A new conversation: the visitor's streams move to it (its `conversation` event is number 0). */
    announceNew(conversation: StoredWidgetConversation): WidgetConversation {
      const shown = visitorConversation(conversation);
      hub.publish(visitorOf(conversation), {
        kind: 'lasting',
        conversationId: conversation.id,
        seq: 0,
        event: { type: 'conversation', conversationId: conversation.id, conversation: shown },
      });
      hub.publishChange(conversation.tenantId, { conversationId: conversation.id, status: conversation.status, seq: 0, change: 'status' });
      return shown;
    },
  };
}
export type ConversationLog = ReturnType<typeof conversationLog>;
